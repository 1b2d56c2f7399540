package dev.tusk.migrate.tenant;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.migrate.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of {@code tusk.tenants}, the list of tenants in the migrations database. The table is the
 * superuser's, like the schema {@code tusk}: tenants and the migrations role cannot read or change
 * it. Only a registered tenant's role and schema are ever touched again by Tusk; a role or schema
 * that merely has a tenant-like name is someone else's.
 */
final class TenantRegistry {

  static final String TABLE = "tusk.tenants";

  private static final String[] CREATE = {
    "CREATE SCHEMA IF NOT EXISTS tusk",
    """
    CREATE TABLE IF NOT EXISTS tusk.tenants (
      id text PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9_]*$' AND octet_length(id) <= 52),
      schema_name text NOT NULL UNIQUE CHECK (schema_name = 'tenant_' || id),
      role_name text NOT NULL UNIQUE CHECK (role_name = 'app_tenant_' || id),
      created_at timestamptz NOT NULL,
      created_by text NOT NULL)""",
    "COMMENT ON TABLE tusk.tenants IS"
        + " 'Tenants provisioned by tusk tenant create; their migrations are in"
        + " tusk.tenant_migrations'"
  };

  private TenantRegistry() {}

  /** Creates the table if missing; the caller holds the migration lock and commits. */
  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : CREATE) {
        s.execute(sql);
      }
    }
  }

  static boolean exists(Connection c) throws SQLException {
    return exists(c, TABLE);
  }

  static Optional<Tenant> find(Connection c, TenantId id) throws SQLException {
    if (!exists(c)) {
      return Optional.empty();
    }
    return read(c, " WHERE id = ?", id.value()).stream().findFirst();
  }

  /** Every tenant in id order; none when the table does not exist yet. */
  static List<Tenant> all(Connection c) throws SQLException {
    if (!exists(c)) {
      return List.of();
    }
    return read(c, " ORDER BY id");
  }

  static void insert(Connection c, Tenant t) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO tusk.tenants (id, schema_name, role_name, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      p.setString(1, t.id().value());
      p.setString(2, t.schema());
      p.setString(3, t.role());
      p.setTimestamp(4, Timestamp.from(t.createdAt()));
      p.setString(5, t.createdBy());
      p.executeUpdate();
    }
  }

  /**
   * The version each tenant is at: its highest applied or baselined version, as {@code History}
   * counts it. Tenants without one are left out.
   */
  static Map<String, Version> versions(Connection c) throws SQLException {
    Map<String, Version> out = new HashMap<>();
    if (!exists(c, "tusk.tenant_migrations")) {
      return out;
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tenant, version FROM tusk.tenant_migrations"
                    + " WHERE success AND kind <> 'repeatable'")) {
      while (rs.next()) {
        String tenant = rs.getString(1);
        Version v = version(tenant, rs.getString(2));
        out.merge(tenant, v, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    }
    return out;
  }

  private static Version version(String tenant, String text) {
    try {
      return Version.parse(text);
    } catch (ConfigException e) {
      throw new OperationException(
          "migrate.history_corrupt",
          "tusk.tenant_migrations holds the version '"
              + text
              + "' for tenant "
              + tenant
              + ", which is not a version",
          "fix or delete that row by hand; Tusk writes only numeric versions");
    }
  }

  private static List<Tenant> read(Connection c, String rest, String... args) throws SQLException {
    List<Tenant> out = new ArrayList<>();
    try (PreparedStatement p =
        c.prepareStatement("SELECT id, created_at, created_by FROM tusk.tenants" + rest)) {
      for (int i = 0; i < args.length; i++) {
        p.setString(i + 1, args[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new Tenant(id(rs.getString(1)), rs.getTimestamp(2).toInstant(), rs.getString(3)));
        }
      }
    }
    return out;
  }

  private static TenantId id(String text) {
    try {
      return new TenantId(text);
    } catch (IllegalArgumentException e) {
      throw new OperationException(
          "tenant.registry_corrupt",
          TABLE + " holds the id '" + text + "', which is not a tenant id",
          "fix or delete that row by hand; tusk tenant create writes only valid ids");
    }
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      p.setString(1, table);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
