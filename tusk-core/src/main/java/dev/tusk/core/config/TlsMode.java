package dev.tusk.core.config;

/** How PostgreSQL gets its TLS material. */
public enum TlsMode {
  /** Tusk generates a CA and a server certificate under {@code <home>/tls} and keeps them. */
  AUTO,
  /**
   * The user provides PEM files ({@code cert_file}/{@code key_file}, or a per-domain {@code dir}).
   */
  FILES,
  /** No TLS: pg_hba then allows {@code host} scram connections instead of {@code hostssl}. */
  OFF
}
