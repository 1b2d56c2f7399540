package dev.tusk.engine;

import dev.tusk.engine.sql.Endpoint;
import java.time.Duration;

/** What a start did and how long it took: the CLI prints it, BENCHMARKS.md records it. */
public record StartReport(
    boolean initialized,
    Duration initdb,
    Duration total,
    String serverVersion,
    Endpoint endpoint) {}
