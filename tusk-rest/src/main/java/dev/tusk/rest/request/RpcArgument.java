package dev.tusk.rest.request;

/**
 * {@code name=value} on {@code GET /rpc/fn}: a function argument rather than a filter. Repeated
 * names are kept in order (variadic arguments).
 */
public record RpcArgument(String name, String value) {}
