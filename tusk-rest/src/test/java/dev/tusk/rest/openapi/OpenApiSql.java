package dev.tusk.rest.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs SQL scripts from the test classpath (the driver splits them into statements). */
final class OpenApiSql {

  private OpenApiSql() {}

  static void run(Connection c, String resource) throws SQLException {
    try (InputStream in = OpenApiSql.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      try (Statement s = c.createStatement()) {
        s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
