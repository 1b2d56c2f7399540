package dev.tusk.cli;

import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.config.RoleConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.ConfigException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.sql.Connector;
import dev.tusk.rest.server.LibpqTarget;
import dev.tusk.rest.server.PlanStage;
import dev.tusk.rest.server.RestServer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Builds the REST API for {@code tusk up} and {@code tusk serve rest}: where it connects (the
 * managed server as {@code api.user}, or {@code api.db_uri}), which roles a token may never name,
 * and the planner.
 */
public final class RestWiring {

  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  private RestWiring() {}

  /**
   * {@code env} fills what {@code api.db_uri} leaves out (PGHOST, PGPORT, PGDATABASE, PGUSER,
   * PGPASSWORD, PGSSLMODE, ...), as libpq and so PostgREST do.
   */
  public static RestServer start(
      TuskConfig cfg,
      ApiConfig api,
      PlanStage planner,
      Map<String, String> env,
      TuskLog log,
      Clock clock) {
    Set<String> refused = new HashSet<>(Set.of(api.user()));
    RestServer.Connections connections;
    if (api.dbUri().isPresent()) {
      LibpqTarget target = LibpqTarget.parse(api.dbUri().get().value(), env);
      connections = () -> open(target);
    } else {
      refused.add(cfg.postgres().superuser());
      Optional<Secret> configured =
          api.password()
              .or(
                  () ->
                      cfg.roles().stream()
                          .filter(r -> r.name().equals(api.user()))
                          .findFirst()
                          .flatMap(RoleConfig::password));
      Secret password =
          new SecretStore(cfg.secretsDir(), new SecureRandom())
              .existing(api.user(), configured)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "rest.no_password",
                          "no password is known for api.user " + api.user(),
                          "start the platform once with tusk up, or set api.password"));
      Connector c = new Connector(LocalServer.endpoint(cfg), api.user(), password);
      String db = api.database();
      connections =
          () -> c.open(db, Map.of("stringtype", "unspecified", "ApplicationName", "tusk-rest"));
    }
    return RestServer.start(api, connections, planner, refused, log, clock);
  }

  /** Reloads the schema cache on SIGUSR1, as PostgREST does (where signals can be caught). */
  public static void reloadOnUsr1(RestServer server) {
    Signals.onUsr1(() -> Thread.ofVirtual().start(server::reloadSchema));
  }

  private static Connection open(LibpqTarget target) throws SQLException {
    Properties p = new Properties();
    p.putAll(target.properties());
    p.setProperty("stringtype", "unspecified");
    p.putIfAbsent("ApplicationName", "tusk-rest");
    Connection c = DRIVER.connect(target.jdbcUrl(), p);
    if (c == null) {
      throw new SQLException("pgjdbc refused " + target.jdbcUrl(), "08001");
    }
    return c;
  }
}
