package dev.tusk.engine.tls;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS files PostgreSQL is configured with: {@code ssl_cert_file} (the server certificate,
 * optionally followed by its intermediates), {@code ssl_key_file}, and the CA certificate that
 * clients use as their trust anchor ({@code sslrootcert}). The CA is absent in files mode when no
 * {@code ca_file} is configured.
 */
public record TlsFiles(Optional<Path> caCert, Path serverCert, Path serverKey) {

  public TlsFiles {
    Objects.requireNonNull(caCert, "caCert");
    Objects.requireNonNull(serverCert, "serverCert");
    Objects.requireNonNull(serverKey, "serverKey");
  }
}
