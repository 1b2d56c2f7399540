package dev.tusk.engine.bootstrap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs DDL whose identifiers and literals come from config. Utility statements (CREATE ROLE, GRANT,
 * ...) take no bind parameters, so the names are sent as bind parameters to the server's own {@code
 * format()} ({@code %I} quotes an identifier, {@code %L} a literal) and the statement it returns is
 * executed. Tusk never splices a name into SQL text itself.
 */
final class Ddl {

  private Ddl() {}

  /** Formats {@code template} on the server with {@code args}, then executes it. */
  static String exec(Connection c, String template, String... args) throws SQLException {
    String sql = format(c, template, args);
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
    return sql;
  }

  static String format(Connection c, String template, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT format(?, VARIADIC ?::text[])")) {
      ps.setString(1, template);
      ps.setArray(2, c.createArrayOf("text", args));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** One column of strings from a parameterised query. */
  static List<String> strings(Connection c, String sql, String... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setString(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  static boolean exists(Connection c, String sql, String... args) throws SQLException {
    return !strings(c, sql, args).isEmpty();
  }
}
