package dev.tusk.engine.supervise;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How to start the postmaster: the full command line (already wrapped for the OS account). */
public record Launch(List<String> command, Path workDir, Map<String, String> env) {}
