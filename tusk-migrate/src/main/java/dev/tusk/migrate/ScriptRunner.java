package dev.tusk.migrate;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * Sends a script's statements one by one on a connection whose transaction mode the caller has set.
 * Statements go verbatim (JDBC escape processing off, so {@code {fn ...}} and {@code ?} mean what
 * they mean to PostgreSQL); COPY data goes through pgjdbc's CopyManager.
 */
final class ScriptRunner {

  private ScriptRunner() {}

  static void run(Connection c, SqlScript script) throws StatementFailure {
    int index = 0;
    for (SqlStatement st : script.statements()) {
      try {
        execute(c, st);
      } catch (SQLException e) {
        throw new StatementFailure(script, st, index, e);
      }
      index++;
    }
  }

  private static void execute(Connection c, SqlStatement st) throws SQLException {
    switch (st) {
      case SqlStatement.Plain p -> {
        try (Statement s = c.createStatement()) {
          s.setEscapeProcessing(false);
          s.execute(p.sql());
        }
      }
      case SqlStatement.CopyIn copy -> {
        try {
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(copy.sql(), new StringReader(copy.data()));
        } catch (IOException e) {
          throw new SQLException("could not send the COPY data: " + e.getMessage(), e);
        }
      }
    }
  }
}
