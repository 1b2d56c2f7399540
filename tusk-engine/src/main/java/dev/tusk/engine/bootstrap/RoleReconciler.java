package dev.tusk.engine.bootstrap;

import dev.tusk.core.config.RoleConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.init.SecretStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * Makes the roles in config exist with the attributes and memberships config gives them.
 * Memberships between configured roles that config no longer lists are revoked; memberships in
 * roles Tusk does not manage are left alone. Passwords are sent as SCRAM verifiers computed on the
 * client (pgjdbc's alterUserPassword), so no plain password reaches the server's log.
 */
final class RoleReconciler {

  private final SecretStore secrets;
  private final TuskLog log;

  RoleReconciler(SecretStore secrets, TuskLog log) {
    this.secrets = secrets;
    this.log = log;
  }

  int reconcile(Connection c, List<RoleConfig> roles) throws SQLException {
    int changes = 0;
    for (RoleConfig r : roles) {
      boolean exists = Ddl.exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", r.name());
      String attrs =
          (r.login() ? "LOGIN" : "NOLOGIN")
              + (r.inherit() ? " INHERIT" : " NOINHERIT")
              + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT "
              + r.connectionLimit();
      if (!exists) {
        Ddl.exec(c, "CREATE ROLE %I WITH " + attrs, r.name());
        log.info("bootstrap", "created role " + r.name());
        changes++;
      } else {
        Ddl.exec(c, "ALTER ROLE %I WITH " + attrs, r.name());
      }
      if (r.login()) {
        Secret password = secrets.passwordFor(r.name(), r.password());
        c.unwrap(PGConnection.class)
            .alterUserPassword(r.name(), password.value().toCharArray(), "scram-sha-256");
      }
    }
    Set<String> managed = new HashSet<>();
    roles.forEach(r -> managed.add(r.name()));
    for (RoleConfig r : roles) {
      List<String> current =
          Ddl.strings(
              c,
              "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                  + " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = ?",
              r.name());
      for (String parent : r.memberOf()) {
        if (!current.contains(parent)) {
          Ddl.exec(c, "GRANT %I TO %I", parent, r.name());
          log.info("bootstrap", "granted role " + parent + " to " + r.name());
          changes++;
        }
      }
      for (String parent : current) {
        if (managed.contains(parent) && !r.memberOf().contains(parent)) {
          Ddl.exec(c, "REVOKE %I FROM %I", parent, r.name());
          log.info("bootstrap", "revoked role " + parent + " from " + r.name());
          changes++;
        }
      }
    }
    return changes;
  }
}
