package dev.tusk.engine.sql;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to reach a PostgreSQL server over TCP: host, port, and the TLS mode a client should use
 * ({@code verify-full} against Tusk's own CA when Tusk made the certificates, {@code require} for
 * user-provided ones, {@code disable} when TLS is off).
 */
public record Endpoint(String host, int port, String sslMode, Optional<Path> rootCert) {

  /** The address a local client uses to reach a server listening on {@code listen}. */
  public static String clientHost(String listen) {
    String first = listen.split(",")[0].strip();
    return switch (first) {
      case "*", "0.0.0.0", "" -> "127.0.0.1";
      case "::" -> "::1";
      default -> first;
    };
  }

  /** A libpq connection string for this endpoint, for people and psql. */
  public String libpq(String database, String user) {
    StringBuilder s =
        new StringBuilder("host=")
            .append(host)
            .append(" port=")
            .append(port)
            .append(" dbname=")
            .append(database)
            .append(" user=")
            .append(user)
            .append(" sslmode=")
            .append(sslMode);
    rootCert.ifPresent(c -> s.append(" sslrootcert=").append(c));
    return s.toString();
  }
}
