package dev.tusk.migrate;

import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh database per test, with small query helpers for the migrate ITs. Public so that the ITs
 * in the subpackages (tenant, drift) share these helpers instead of copying them.
 */
public record Db(TestDatabase database) {

  public static Db fresh(TestServer server, String name) {
    return new Db(server.newDatabase(name));
  }

  public ConnectionSource source() {
    return database::connect;
  }

  Connection connect() throws SQLException {
    return database.connect();
  }

  /** Each row as its columns joined by {@code |}. */
  public List<String> rows(String sql) throws SQLException {
    return rows(source(), sql);
  }

  /** Like {@link #rows(String)}, on a new connection from {@code source}. */
  public static List<String> rows(ConnectionSource source, String sql) throws SQLException {
    try (Connection c = source.open();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
      return out;
    }
  }

  public String one(String sql) throws SQLException {
    List<String> rows = rows(sql);
    if (rows.size() != 1) {
      throw new AssertionError("expected one row from " + sql + ", got " + rows);
    }
    return rows.get(0);
  }

  public void exec(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  boolean tuskSchemaExists() throws SQLException {
    return one("SELECT count(*) FROM pg_namespace WHERE nspname = 'tusk'").equals("1");
  }

  /** History rows as {@code version|name|kind|success}, oldest first. */
  List<String> history() throws SQLException {
    return rows(
        "SELECT coalesce(version, '-'), name, kind, success FROM tusk.schema_migrations"
            + " ORDER BY id");
  }

  /**
   * The user-visible schema outside tusk: schemas, relations with their columns, constraints,
   * indexes, functions and views' definitions. Equal snapshots mean down undid up.
   */
  List<String> schema() throws SQLException {
    String userNs =
        "n.nspname NOT IN ('pg_catalog', 'information_schema', 'tusk')"
            + " AND n.nspname NOT LIKE 'pg\\_%'";
    List<String> out = new ArrayList<>();
    out.addAll(rows("SELECT 'schema ' || nspname FROM pg_namespace n WHERE " + userNs));
    out.addAll(
        rows(
            "SELECT 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ('"
                + " || coalesce(string_agg(a.attname || ' ' || format_type(a.atttypid,"
                + " a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', '"
                + " ORDER BY a.attnum), '') || ')' FROM pg_class c JOIN pg_namespace n ON n.oid ="
                + " c.relnamespace LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum >"
                + " 0 AND NOT a.attisdropped WHERE "
                + userNs
                + " GROUP BY n.nspname, c.relname, c.relkind"));
    out.addAll(
        rows(
            "SELECT 'con ' || conrelid::regclass || ' ' || conname || ' '"
                + " || pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_namespace n ON"
                + " n.oid = c.connamespace WHERE "
                + userNs));
    out.addAll(
        rows(
            "SELECT 'fn ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid))"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE "
                + userNs));
    out.addAll(
        rows(
            "SELECT 'view ' || n.nspname || '.' || c.relname || ' ' || pg_get_viewdef(c.oid)"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE"
                + " c.relkind = 'v' AND "
                + userNs));
    out.sort(null);
    return out;
  }
}
