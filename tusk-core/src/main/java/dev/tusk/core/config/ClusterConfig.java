package dev.tusk.core.config;

import java.nio.file.Path;

/**
 * {@code cluster}: the cluster's name ({@code db-<service>-<environment>}) and its home directory,
 * under which Tusk keeps pgdata/, tls/, secrets/ and tusk.log unless told otherwise.
 */
public record ClusterConfig(String name, Path home) {}
