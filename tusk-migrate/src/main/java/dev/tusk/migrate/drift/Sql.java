package dev.tusk.migrate.drift;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few statements the scratch database needs, with every name quoted by the server. */
final class Sql {

  private Sql() {}

  /** Runs {@code template} with {@code %I} replaced by {@code name}, quoted by {@code format()}. */
  static void exec(Connection c, String template, String name) throws SQLException {
    String sql;
    try (PreparedStatement p = c.prepareStatement("SELECT format(?, ?)")) {
      p.setString(1, template);
      p.setString(2, name);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        sql = rs.getString(1);
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of the only row of {@code sql}, as text. */
  static String one(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
