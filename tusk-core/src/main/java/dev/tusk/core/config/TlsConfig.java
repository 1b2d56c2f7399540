package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code postgres.tls}. With {@code mode: files}, either {@code cert_file} and {@code key_file}
 * (and optionally {@code ca_file}) are set, or {@code dir} names a per-domain certificate directory
 * in certbot's layout ({@code fullchain.pem}, {@code privkey.pem}, {@code chain.pem}). The loader
 * resolves {@code dir} into the three paths, so consumers only read the paths.
 */
public record TlsConfig(
    TlsMode mode,
    Optional<Path> dir,
    Optional<Path> certFile,
    Optional<Path> keyFile,
    Optional<Path> caFile) {}
