package dev.tusk.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What every command gets from the process: environment, working directory, output streams and
 * clock. Built once in {@link Main}; tests build their own, so no command reads a global.
 */
public record Cli(
    Map<String, String> env, Path workingDir, PrintStream out, PrintStream err, Clock clock) {}
