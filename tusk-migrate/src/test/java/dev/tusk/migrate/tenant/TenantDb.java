package dev.tusk.migrate.tenant;

import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.Db;
import dev.tusk.migrate.MigrationDir;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A database as bootstrap leaves it (owned by a migrations role, schema {@code tusk} the
 * superuser's with no rights for PUBLIC), a tenant migrations directory, and query helpers. Roles
 * are shared by the whole test server, so each test names its own.
 */
record TenantDb(Db db, String owner, MigrationDir dir) {

  static TenantDb fresh(TestServer server, String name, String owner, Path dir) throws Exception {
    TenantDb db = new TenantDb(Db.fresh(server, name), owner, new MigrationDir(dir));
    db.exec("CREATE ROLE " + owner + " NOLOGIN");
    db.exec("ALTER DATABASE " + db.database().name() + " OWNER TO " + owner);
    db.exec("CREATE SCHEMA tusk; REVOKE ALL ON SCHEMA tusk FROM PUBLIC");
    return db;
  }

  TestDatabase database() {
    return db.database();
  }

  ConnectionSource source() {
    return db.source();
  }

  Tenants tenants() {
    return tenants(Optional.empty());
  }

  Tenants tenants(Optional<String> apiRole) {
    return new Tenants(source(), new TenantSettings(owner, apiRole), Clock.systemUTC());
  }

  TenantDb write(String name, String sql) {
    dir.write(name, sql);
    return this;
  }

  MigrationSet files() {
    return dir.scan();
  }

  /** Each row as its columns joined by {@code |}. */
  List<String> rows(String sql) throws SQLException {
    return db.rows(sql);
  }

  String one(String sql) throws SQLException {
    return db.one(sql);
  }

  void exec(String sql) throws SQLException {
    db.exec(sql);
  }

  /** Runs {@code sql} as {@code role} (SET ROLE) and returns the SQLSTATE it failed with. */
  String sqlStateAs(String role, String sql) throws SQLException {
    try (Connection c = database().connect();
        Statement s = c.createStatement()) {
      s.execute("SET ROLE " + role);
      s.execute(sql);
      return "ok";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  /** A tenant's history as {@code version|name|kind|success}, oldest first. */
  List<String> history(String tenant) throws SQLException {
    return rows(
        "SELECT coalesce(version, '-'), name, kind, success FROM tusk.tenant_migrations"
            + " WHERE tenant = '"
            + tenant
            + "' ORDER BY id");
  }

  boolean roleExists(String role) throws SQLException {
    return !rows("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").isEmpty();
  }

  boolean schemaExists(String schema) throws SQLException {
    return !rows("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'").isEmpty();
  }

  List<String> registered() throws SQLException {
    if (one("SELECT to_regclass('tusk.tenants') IS NULL").equals("t")) {
      return List.of();
    }
    return rows("SELECT id FROM tusk.tenants ORDER BY id");
  }
}
