package dev.tusk.rest.tx;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the main statement returned, plus the response GUCs and the estimated count.
 *
 * @param inserted for an insert that merges on conflict (PUT, {@code resolution=merge-duplicates}),
 *     how many of its rows were new rather than replaced: the status depends on it; empty for
 *     everything else
 */
public record TxResult(
    OptionalLong total,
    long pageTotal,
    Optional<String> body,
    Optional<String> location,
    Optional<String> responseHeaders,
    Optional<String> responseStatus,
    OptionalLong estimatedTotal,
    boolean committed,
    OptionalLong inserted) {}
