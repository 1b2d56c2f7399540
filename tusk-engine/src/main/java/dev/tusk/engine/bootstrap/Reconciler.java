package dev.tusk.engine.bootstrap;

import dev.tusk.core.config.DatabaseConfig;
import dev.tusk.core.config.GrantConfig;
import dev.tusk.core.config.RoleConfig;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.sql.Connector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the server in line with config on every start: roles, then databases, then inside each
 * database its schemas, extensions, grants and init scripts. Every step checks before it acts, so a
 * second run with the same config changes nothing.
 */
public final class Reconciler {

  /** What a run changed; zero changes on a restart with the same config. */
  public record Result(int changes, int scriptsRun) {}

  private final Connector superuser;
  private final TuskLog log;
  private final RoleReconciler roles;
  private final DatabaseReconciler databases;
  private final InitScripts scripts;

  public Reconciler(Connector superuser, SecretStore secrets, TuskLog log) {
    this.superuser = superuser;
    this.log = log;
    this.roles = new RoleReconciler(secrets, log);
    this.databases = new DatabaseReconciler(log);
    this.scripts = new InitScripts(log);
  }

  public Result reconcile(TuskConfig config) {
    int changes = 0;
    int ran = 0;
    String step = "roles";
    try (Connection c = superuser.open("postgres")) {
      changes += roles.reconcile(c, config.roles());
      for (DatabaseConfig db : config.databases()) {
        step = "database " + db.name();
        changes += databases.ensureDatabase(c, db);
      }
    } catch (SQLException e) {
      throw failed(step, e);
    }
    for (DatabaseConfig db : config.databases()) {
      step = "database " + db.name();
      try (Connection c = superuser.open(db.name())) {
        changes += databases.reconcileInside(c, db, connectRoles(config, db));
      } catch (SQLException e) {
        throw failed(step, e);
      }
      if (db.initSql().isEmpty()) {
        continue;
      }
      // Simple query protocol for scripts only: a script then reaches the server as one text,
      // so an error's position is a position in the file and becomes a line number. (pgjdbc
      // still escapes the history row's values; the script itself is trusted operator SQL.)
      try (Connection c = superuser.open(db.name(), Map.of("preferQueryMode", "simple"))) {
        ran += scripts.run(c, db);
      } catch (SQLException e) {
        throw failed(step, e);
      }
    }
    log.info("bootstrap", "bootstrap reconciled", "changes", changes, "init_sql_run", ran);
    return new Result(changes, ran);
  }

  /**
   * Prepares the existing, empty database {@code name} as {@link #reconcile} prepares {@code db}:
   * its owner, then inside it the schemas, extensions, grants, default privileges and init_sql
   * scripts of {@code db}. For the scratch database of {@code tusk migrate drift}, which must start
   * where {@code db} started before its first migration. Roles are cluster-wide and not touched.
   */
  public Result prepareCopy(TuskConfig config, DatabaseConfig db, String name) {
    DatabaseConfig copy =
        new DatabaseConfig(
            name, db.owner(), db.schemas(), db.extensions(), db.initSql(), db.grants());
    int changes = 0;
    int ran = 0;
    String step = "database " + name + " (a copy of " + db.name() + ")";
    try (Connection c = superuser.open(name)) {
      changes += databases.ensureDatabase(c, copy);
      changes += databases.reconcileInside(c, copy, connectRoles(config, db));
    } catch (SQLException e) {
      throw failed(step, e);
    }
    if (!copy.initSql().isEmpty()) {
      try (Connection c = superuser.open(name, Map.of("preferQueryMode", "simple"))) {
        ran += scripts.run(c, copy);
      } catch (SQLException e) {
        throw failed(step, e);
      }
    }
    return new Result(changes, ran);
  }

  /** The roles that may connect: the owner, every grantee, and every configured login role. */
  static List<String> connectRoles(TuskConfig config, DatabaseConfig db) {
    Set<String> out = new LinkedHashSet<>();
    out.add(db.owner());
    for (GrantConfig g : db.grants()) {
      out.add(g.role());
    }
    for (RoleConfig r : config.roles()) {
      if (r.login()) {
        out.add(r.name());
      }
    }
    out.remove(config.postgres().superuser());
    return new ArrayList<>(out);
  }

  private static OperationException failed(String step, SQLException e) {
    return new OperationException(
        "bootstrap.failed",
        "bootstrap failed at " + step + ": " + e.getMessage().lines().findFirst().orElse(""),
        "fix the config or the database state named above; completed steps are kept and the rest"
            + " runs on the next start",
        e);
  }
}
