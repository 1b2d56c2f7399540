package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of {@code tusk.schema_migrations}. A surrogate identity key orders rows by when they were
 * written; two partial unique indexes give the real keys: the version for versioned and baseline
 * rows (canonical text, so unique means numerically unique), the name for repeatable rows. Check
 * constraints keep the row shapes honest (a repeatable row has no version, only a baseline has no
 * checksum, at most one baseline). Callers hold the advisory lock and own the transaction.
 *
 * <p>For a tenant's {@link HistoryScope} the same rows live in {@code tusk.tenant_migrations} with
 * a leading {@code tenant} column: every key above is per tenant, and every statement filters on
 * the tenant (a bind parameter). The database's own history keeps exactly its statements.
 */
final class HistoryTable {

  static final String TABLE = "tusk.schema_migrations";

  private static final String[] CREATE = {
    "CREATE SCHEMA IF NOT EXISTS tusk",
    """
    CREATE TABLE IF NOT EXISTS tusk.schema_migrations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      version text,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('up', 'repeatable', 'baseline')),
      checksum text CHECK (checksum ~ '^[0-9a-f]{64}$'),
      applied_at timestamptz NOT NULL,
      applied_by text NOT NULL,
      duration_ms bigint NOT NULL CHECK (duration_ms >= 0),
      success boolean NOT NULL,
      CHECK ((kind = 'repeatable') = (version IS NULL)),
      CHECK ((kind = 'baseline') = (checksum IS NULL)))""",
    "CREATE UNIQUE INDEX IF NOT EXISTS schema_migrations_version_key"
        + " ON tusk.schema_migrations (version) WHERE version IS NOT NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS schema_migrations_repeatable_key"
        + " ON tusk.schema_migrations (name) WHERE kind = 'repeatable'",
    "CREATE UNIQUE INDEX IF NOT EXISTS schema_migrations_one_baseline"
        + " ON tusk.schema_migrations ((true)) WHERE kind = 'baseline'",
    "COMMENT ON TABLE tusk.schema_migrations IS"
        + " 'Applied migrations, written by tusk migrate; edit with tusk migrate repair'"
  };

  /** The same table with a leading tenant column, every key per tenant. */
  private static final String[] CREATE_TENANT = {
    "CREATE SCHEMA IF NOT EXISTS tusk",
    """
    CREATE TABLE IF NOT EXISTS tusk.tenant_migrations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant text NOT NULL,
      version text,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('up', 'repeatable', 'baseline')),
      checksum text CHECK (checksum ~ '^[0-9a-f]{64}$'),
      applied_at timestamptz NOT NULL,
      applied_by text NOT NULL,
      duration_ms bigint NOT NULL CHECK (duration_ms >= 0),
      success boolean NOT NULL,
      CHECK ((kind = 'repeatable') = (version IS NULL)),
      CHECK ((kind = 'baseline') = (checksum IS NULL)))""",
    "CREATE UNIQUE INDEX IF NOT EXISTS tenant_migrations_version_key"
        + " ON tusk.tenant_migrations (tenant, version) WHERE version IS NOT NULL",
    "CREATE UNIQUE INDEX IF NOT EXISTS tenant_migrations_repeatable_key"
        + " ON tusk.tenant_migrations (tenant, name) WHERE kind = 'repeatable'",
    "CREATE UNIQUE INDEX IF NOT EXISTS tenant_migrations_one_baseline"
        + " ON tusk.tenant_migrations (tenant) WHERE kind = 'baseline'",
    "COMMENT ON TABLE tusk.tenant_migrations IS"
        + " 'Applied tenant migrations, one set of rows per tenant, written by tusk tenant create"
        + " and tusk migrate up --tenants'"
  };

  private static final String COLUMNS =
      "version, name, kind, checksum, applied_at, applied_by, duration_ms, success";

  private final HistoryScope scope;
  private final String table;

  HistoryTable() {
    this(HistoryScope.MAIN);
  }

  HistoryTable(HistoryScope scope) {
    this.scope = scope;
    this.table = scope.table();
  }

  String describe() {
    return scope.describe();
  }

  boolean exists(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Creates the schema, table and indexes if missing; the caller commits. */
  void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : scope.tenant().isPresent() ? CREATE_TENANT : CREATE) {
        s.execute(sql);
      }
    }
  }

  /** Every row, oldest first; empty when the table does not exist yet. */
  History read(Connection c) throws SQLException {
    if (!exists(c)) {
      return History.empty();
    }
    List<HistoryRow> rows = new ArrayList<>();
    String where = scope.tenant().isPresent() ? " WHERE tenant = ?" : "";
    try (PreparedStatement p =
        c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + where + " ORDER BY id")) {
      bindTenant(p);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          rows.add(row(rs));
        }
      }
    }
    return new History(rows);
  }

  void insert(Connection c, HistoryRow row) throws SQLException {
    boolean tenant = scope.tenant().isPresent();
    String sql =
        "INSERT INTO "
            + table
            + (tenant ? " (tenant, " : " (")
            + COLUMNS
            + (tenant
                ? ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (row.kind() == HistoryRow.Kind.REPEATABLE) {
      sql +=
          (tenant ? " ON CONFLICT (tenant, name)" : " ON CONFLICT (name)")
              + " WHERE kind = 'repeatable' DO UPDATE SET checksum ="
              + " excluded.checksum, applied_at = excluded.applied_at, applied_by ="
              + " excluded.applied_by, duration_ms = excluded.duration_ms, success ="
              + " excluded.success";
    }
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int i = bindTenant(p);
      p.setString(i + 1, row.version().map(Version::toString).orElse(null));
      p.setString(i + 2, row.name());
      p.setString(i + 3, row.kind().sql());
      p.setString(i + 4, row.checksum().orElse(null));
      p.setTimestamp(i + 5, Timestamp.from(row.appliedAt()));
      p.setString(i + 6, row.appliedBy());
      p.setLong(i + 7, row.durationMs());
      p.setBoolean(i + 8, row.success());
      p.executeUpdate();
    }
  }

  int deleteVersion(Connection c, Version v) throws SQLException {
    return update(c, "DELETE FROM " + table + " WHERE " + filter() + "version = ?", v.toString());
  }

  int deleteRepeatable(Connection c, String name) throws SQLException {
    return update(
        c,
        "DELETE FROM " + table + " WHERE " + filter() + "kind = 'repeatable' AND name = ?",
        name);
  }

  int markFailed(Connection c, Version v) throws SQLException {
    return update(
        c,
        "UPDATE " + table + " SET success = false WHERE " + filter() + "version = ?",
        v.toString());
  }

  int realign(Connection c, Version v, String name, String checksum) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "UPDATE " + table + " SET name = ?, checksum = ? WHERE " + filter() + "version = ?")) {
      p.setString(1, name);
      p.setString(2, checksum);
      int i = 2;
      if (scope.tenant().isPresent()) {
        p.setString(++i, scope.tenant().get());
      }
      p.setString(i + 1, v.toString());
      return p.executeUpdate();
    }
  }

  /** The tenant condition that leads a WHERE clause; nothing for the database's own history. */
  private String filter() {
    return scope.tenant().isPresent() ? "tenant = ? AND " : "";
  }

  /** Binds the tenant as parameter 1 when there is one; returns how many parameters it bound. */
  private int bindTenant(PreparedStatement p) throws SQLException {
    if (scope.tenant().isEmpty()) {
      return 0;
    }
    p.setString(1, scope.tenant().get());
    return 1;
  }

  private int update(Connection c, String sql, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int i = bindTenant(p);
      p.setString(i + 1, key);
      return p.executeUpdate();
    }
  }

  private HistoryRow row(ResultSet rs) throws SQLException {
    String version = rs.getString(1);
    Optional<Version> parsed;
    try {
      parsed = Optional.ofNullable(version).map(Version::parse);
    } catch (ConfigException e) {
      throw new OperationException(
          "migrate.history_corrupt",
          describe() + " holds the version '" + version + "', which is not a version",
          "fix or delete that row by hand; Tusk writes only numeric versions");
    }
    return new HistoryRow(
        parsed,
        rs.getString(2),
        HistoryRow.Kind.of(rs.getString(3)),
        Optional.ofNullable(rs.getString(4)),
        rs.getTimestamp(5).toInstant(),
        rs.getString(6),
        rs.getLong(7),
        rs.getBoolean(8));
  }
}
