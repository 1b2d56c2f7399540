package dev.tusk.engine.init;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a managed server's files are: the data directory, the TLS files PostgreSQL reads (absent
 * when TLS is off) and the directory for its Unix socket.
 */
public record ServerLayout(
    Path dataDir,
    Optional<Path> sslCert,
    Optional<Path> sslKey,
    Optional<Path> sslCa,
    Path socketDir) {}
