package dev.tusk.rest.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs SQL scripts from the test classpath (the driver splits them into statements). */
final class SqlScripts {

  private SqlScripts() {}

  static void run(Connection c, String resource) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(read(resource));
    }
  }

  static String read(String resource) {
    try (InputStream in = SqlScripts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
