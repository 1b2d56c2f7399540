package dev.tusk.engine.bootstrap;

import dev.tusk.core.config.DatabaseConfig;
import dev.tusk.core.config.GrantConfig;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Makes a database exist with its owner, then, inside it, the schemas, extensions and grants config
 * lists. Grants cover existing objects and, through default privileges for the owner, the objects
 * the owner creates later (migrations run as the owner).
 */
final class DatabaseReconciler {

  private final TuskLog log;

  DatabaseReconciler(TuskLog log) {
    this.log = log;
  }

  /** Runs on a connection to the maintenance database. */
  int ensureDatabase(Connection c, DatabaseConfig db) throws SQLException {
    List<String> owner =
        Ddl.strings(
            c,
            "SELECT r.rolname FROM pg_database d JOIN pg_roles r ON r.oid = d.datdba"
                + " WHERE d.datname = ?",
            db.name());
    if (owner.isEmpty()) {
      Ddl.exec(c, "CREATE DATABASE %I OWNER %I", db.name(), db.owner());
      log.info("bootstrap", "created database " + db.name(), "owner", db.owner());
      return 1;
    }
    if (!owner.getFirst().equals(db.owner())) {
      Ddl.exec(c, "ALTER DATABASE %I OWNER TO %I", db.name(), db.owner());
      log.info("bootstrap", "changed owner of database " + db.name(), "owner", db.owner());
      return 1;
    }
    return 0;
  }

  /** Runs on a connection to the database itself, as the superuser. */
  int reconcileInside(Connection c, DatabaseConfig db, List<String> connectRoles)
      throws SQLException {
    int changes = 0;
    Ddl.exec(c, "REVOKE ALL ON DATABASE %I FROM PUBLIC", db.name());
    Ddl.exec(c, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
    for (String role : connectRoles) {
      Ddl.exec(c, "GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I", db.name(), role);
    }
    for (String schema : db.schemas()) {
      List<String> owner =
          Ddl.strings(
              c,
              "SELECT r.rolname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner"
                  + " WHERE n.nspname = ?",
              schema);
      if (owner.isEmpty()) {
        Ddl.exec(c, "CREATE SCHEMA %I AUTHORIZATION %I", schema, db.owner());
        log.info("bootstrap", "created schema " + schema, "database", db.name());
        changes++;
      } else if (!owner.getFirst().equals(db.owner())) {
        Ddl.exec(c, "ALTER SCHEMA %I OWNER TO %I", schema, db.owner());
        changes++;
      }
    }
    for (String ext : db.extensions()) {
      if (Ddl.exists(c, "SELECT 1 FROM pg_extension WHERE extname = ?", ext)) {
        continue;
      }
      if (!Ddl.exists(c, "SELECT 1 FROM pg_available_extensions WHERE name = ?", ext)) {
        throw new OperationException(
            "bootstrap.extension_unavailable",
            "extension '"
                + ext
                + "' (databases."
                + db.name()
                + ".extensions) is not available"
                + " in this PostgreSQL installation",
            "remove it from the list, or install its package and set postgres.bin_dir",
            null);
      }
      Ddl.exec(c, "CREATE EXTENSION %I", ext);
      log.info("bootstrap", "created extension " + ext, "database", db.name());
      changes++;
    }
    for (GrantConfig g : db.grants()) {
      grant(c, db, g);
    }
    return changes;
  }

  private void grant(Connection c, DatabaseConfig db, GrantConfig g) throws SQLException {
    for (String schema : g.schemas()) {
      Ddl.exec(c, "GRANT USAGE ON SCHEMA %I TO %I", schema, g.role());
      grantKind(c, db, g.role(), schema, "TABLES", g.tables());
      grantKind(c, db, g.role(), schema, "SEQUENCES", g.sequences());
      grantKind(c, db, g.role(), schema, "FUNCTIONS", g.functions());
    }
  }

  private void grantKind(
      Connection c, DatabaseConfig db, String role, String schema, String kind, List<String> privs)
      throws SQLException {
    if (privs.isEmpty()) {
      return;
    }
    // The privilege words were checked against PostgreSQL's list by the config loader; they are
    // keywords, not identifiers, so they cannot go through %I.
    String list = String.join(", ", privs);
    if (!list.matches("[A-Z, ]+")) {
      throw new IllegalArgumentException("unexpected privilege list " + list);
    }
    Ddl.exec(c, "GRANT " + list + " ON ALL " + kind + " IN SCHEMA %I TO %I", schema, role);
    Ddl.exec(
        c,
        "ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT "
            + list
            + " ON "
            + kind
            + " TO %I",
        db.owner(),
        schema,
        role);
  }
}
