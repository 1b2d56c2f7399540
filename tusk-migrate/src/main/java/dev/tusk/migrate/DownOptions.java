package dev.tusk.migrate;

/** What {@code down} should do; {@code dryRun} returns the down SQL without running it. */
public record DownOptions(DownTarget target, boolean dryRun) {}
