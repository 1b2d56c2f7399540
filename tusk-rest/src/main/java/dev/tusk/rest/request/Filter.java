package dev.tusk.rest.request;

/**
 * {@code col->path=not.op.value}: a condition on one column of one resource. Which resource is
 * given by the {@link EmbedPath} the filter is stored under, not by the filter itself. A filter on
 * an embed's name ({@code rel=is.null}) looks like any other here; the planner tells them apart.
 */
public record Filter(Field field, boolean negated, Operation operation) {}
