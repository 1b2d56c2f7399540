package dev.tusk.migrate.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * DDL with names in it, as bootstrap runs it: utility statements (CREATE ROLE, GRANT, SET ...) take
 * no bind parameters, so the names go as bind parameters to the server's {@code format()} ({@code
 * %I} quotes an identifier, {@code %L} a literal) and the statement it returns is executed. Tusk
 * never splices a name into SQL text itself, even one {@link TenantId} has already checked.
 */
final class Sql {

  private Sql() {}

  /** Formats {@code template} on the server with {@code args}, then executes it. */
  static void exec(Connection c, String template, String... args) throws SQLException {
    String sql;
    try (PreparedStatement ps = c.prepareStatement("SELECT format(?, VARIADIC ?::text[])")) {
      ps.setString(1, template);
      ps.setArray(2, c.createArrayOf("text", args));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        sql = rs.getString(1);
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of a parameterised query's rows. */
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
