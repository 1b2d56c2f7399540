package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code postgres}: which server binaries, where the data lives, how it listens, and the
 * postgresql.conf overrides in {@code parameters} (kept in the order the user wrote them).
 */
public record PostgresConfig(
    int version,
    Optional<Path> binDir,
    Path dataDir,
    String listen,
    int port,
    String osUser,
    String superuser,
    Optional<Secret> superuserPassword,
    Map<String, String> parameters,
    TlsConfig tls) {}
