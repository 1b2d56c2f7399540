package dev.tusk.rest.tx;

import java.util.Optional;
import java.util.OptionalLong;

/** What the main statement returned, plus the response GUCs and the estimated count. */
public record TxResult(
    OptionalLong total,
    long pageTotal,
    Optional<String> body,
    Optional<String> location,
    Optional<String> responseHeaders,
    Optional<String> responseStatus,
    OptionalLong estimatedTotal,
    boolean committed) {}
