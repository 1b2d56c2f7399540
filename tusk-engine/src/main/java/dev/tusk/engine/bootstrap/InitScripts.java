package dev.tusk.engine.bootstrap;

import dev.tusk.core.config.DatabaseConfig;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.core.util.Sha256;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs each {@code init_sql} script once per database, in order, each in its own transaction
 * together with the row that records it in {@code tusk.init_sql_history}, so a script either ran
 * and is recorded or did not run at all. Scripts run as the database owner, so the objects they
 * create belong to the application, not to the superuser.
 */
final class InitScripts {

  static final long MAX_SCRIPT_BYTES = 16L * 1024 * 1024;

  private final TuskLog log;

  InitScripts(TuskLog log) {
    this.log = log;
  }

  int run(Connection c, DatabaseConfig db) throws SQLException {
    if (db.initSql().isEmpty()) {
      return 0;
    }
    Ddl.exec(c, "CREATE SCHEMA IF NOT EXISTS tusk AUTHORIZATION %I", c.getMetaData().getUserName());
    Ddl.exec(
        c,
        "CREATE TABLE IF NOT EXISTS tusk.init_sql_history (script text PRIMARY KEY,"
            + " sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),"
            + " applied_by text NOT NULL DEFAULT current_user)");
    Ddl.exec(c, "REVOKE ALL ON SCHEMA tusk FROM PUBLIC");
    int ran = 0;
    for (Path script : db.initSql()) {
      String name = script.getFileName().toString();
      String text = read(script);
      String sha = Sha256.hex(text);
      List<String> recorded =
          Ddl.strings(c, "SELECT sha256 FROM tusk.init_sql_history WHERE script = ?", name);
      if (!recorded.isEmpty()) {
        if (!recorded.getFirst().equals(sha)) {
          log.warn(
              "bootstrap",
              "init_sql " + name + " changed since it ran; it is not run again",
              "database",
              db.name());
        }
        continue;
      }
      execute(c, db, script, name, text, sha);
      ran++;
    }
    return ran;
  }

  private void execute(
      Connection c, DatabaseConfig db, Path script, String name, String text, String sha)
      throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      Ddl.exec(c, "SET LOCAL ROLE %I", db.owner());
      s.execute(text);
      s.execute("RESET ROLE");
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO tusk.init_sql_history (script, sha256) VALUES (?, ?)")) {
        ps.setString(1, name);
        ps.setString(2, sha);
        ps.executeUpdate();
      }
      c.commit();
      log.info("bootstrap", "ran init_sql " + name, "database", db.name());
    } catch (SQLException e) {
      c.rollback();
      throw new OperationException(
          "bootstrap.init_sql_failed",
          "init_sql "
              + script
              + " failed in database "
              + db.name()
              + where(e, text)
              + ": "
              + e.getMessage().lines().findFirst().orElse(""),
          "fix the script; nothing of it was applied, and it runs again on the next start",
          e);
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static String where(SQLException e, String text) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      int pos = m.getPosition();
      if (pos > 0 && pos <= text.length() + 1) {
        long line = text.substring(0, pos - 1).chars().filter(ch -> ch == '\n').count() + 1;
        return " at line " + line;
      }
    }
    return "";
  }

  private static String read(Path script) {
    try {
      long size = Files.size(script);
      if (size > MAX_SCRIPT_BYTES) {
        throw new OperationException(
            "bootstrap.init_sql_too_large",
            "init_sql " + script + " is " + size + " bytes, more than the 16 MiB limit",
            "load large data with a migration or COPY instead",
            null);
      }
      byte[] bytes = Files.readAllBytes(script);
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new OperationException(
          "bootstrap.init_sql_encoding",
          "init_sql " + script + " is not valid UTF-8",
          "save the file as UTF-8",
          e);
    } catch (IOException e) {
      throw new OperationException(
          "bootstrap.init_sql_missing",
          "cannot read init_sql " + script + ": " + e.getMessage(),
          "check the path in databases[].init_sql (relative to tusk.yaml)",
          e);
    }
  }
}
