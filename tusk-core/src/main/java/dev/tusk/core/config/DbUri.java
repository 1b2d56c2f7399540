package dev.tusk.core.config;

import dev.tusk.core.libpq.ConnInfo;
import dev.tusk.core.libpq.Problem;
import java.util.Optional;

/**
 * Checks a libpq connection string ({@code api.db_uri}, PostgREST's {@code db-uri}) and reads the
 * user and database out of it. The syntax is {@link ConnInfo}'s, the same the REST server later
 * connects with; the keywords are not checked here: the server decides which options it knows. The
 * value is a secret, so errors describe the problem and never quote the value.
 */
final class DbUri {

  /** What the string names; empty parts fall back to libpq's environment (PGUSER, PGDATABASE). */
  record Parts(Optional<String> user, Optional<String> database) {}

  private DbUri() {}

  static Parts parse(Scalar s, String value) {
    if (value.isBlank()) {
      // libpq takes a blank string as "all defaults"; as a configured value it is a mistake.
      throw ConfigErrors.badSecret(s, Problem.NOT_CONNINFO.text());
    }
    ConnInfo info = ConnInfo.parse(value, p -> ConfigErrors.badSecret(s, p.text()));
    return new Parts(nonEmpty(info, "user"), nonEmpty(info, "dbname"));
  }

  private static Optional<String> nonEmpty(ConnInfo info, String keyword) {
    return info.get(keyword).filter(v -> !v.isEmpty());
  }
}
