package dev.tusk.engine;

import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.log.TuskLog;
import dev.tusk.core.metrics.PromText;
import dev.tusk.engine.admin.AdminServer;
import dev.tusk.engine.admin.PostgresMetrics;
import dev.tusk.engine.admin.ServerHealth;
import dev.tusk.engine.binaries.BinaryResolver;
import dev.tusk.engine.binaries.Resolution;
import dev.tusk.engine.bootstrap.Reconciler;
import dev.tusk.engine.init.PortCheck;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.os.Host;
import dev.tusk.engine.sql.Connector;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@code tusk up} runs: the managed server, bootstrap (then the caller's {@link StartHook}s),
 * and the admin server, started in DESIGN.md's order. Every check that can refuse a start (config,
 * ports, data directory, OS user) runs before anything is written.
 */
public final class Platform implements AutoCloseable {

  /** What a start did, for the console and BENCHMARKS.md. */
  public record Report(
      Resolution binaries,
      StartReport server,
      Reconciler.Result bootstrap,
      Optional<Integer> adminPort,
      Duration total) {}

  /**
   * Work {@code tusk up} does after bootstrap and before the platform counts as ready, such as
   * applying migrations. The engine knows nothing of what a hook does (so it does not depend on the
   * modules that provide them); a hook that throws fails the start, and whatever was started is
   * stopped before the exception leaves {@link #start}.
   */
  @FunctionalInterface
  public interface StartHook {
    /** {@code health}: where a hook that starts a component adds its state to /ready. */
    void afterBootstrap(TuskConfig config, Connector superuser, ServerHealth health);
  }

  private final ManagedServer server;
  private final ServerHealth health;
  private final AdminServer admin;
  private final Report report;

  private final List<java.util.function.Consumer<PromText>> extraMetrics;

  private Platform(
      ManagedServer server,
      ServerHealth health,
      AdminServer admin,
      Report report,
      List<java.util.function.Consumer<PromText>> extraMetrics) {
    this.extraMetrics = extraMetrics;
    this.server = server;
    this.health = health;
    this.admin = admin;
    this.report = report;
  }

  /** Starts everything; on failure, whatever was started is stopped again before it throws. */
  public static Platform start(
      TuskConfig config, BinaryResolver resolver, TuskLog log, Clock clock, ServerOptions options) {
    return start(config, resolver, log, clock, options, List.of());
  }

  /** Like {@link #start(TuskConfig, BinaryResolver, TuskLog, Clock, ServerOptions)}, with hooks. */
  public static Platform start(
      TuskConfig config,
      BinaryResolver resolver,
      TuskLog log,
      Clock clock,
      ServerOptions options,
      List<StartHook> hooks) {
    Instant t0 = clock.instant();
    // Metrics of components started after the platform (the REST API), on every /metrics scrape.
    List<java.util.function.Consumer<PromText>> extraMetrics =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    requireInitScripts(config);
    Host host = Host.detect(config.postgres().osUser());
    if (config.admin().enabled()) {
      PortCheck.requireFree(
          config.admin().listen(), config.admin().port(), "admin.port", "TUSK_ADMIN_PORT");
    }
    Resolution binaries = resolver.resolveTimed(config.postgres());
    log.info(
        "engine",
        "PostgreSQL "
            + binaries.binaries().version()
            + " binaries in "
            + binaries.binaries().binDir(),
        "source",
        binaries.source().name(),
        "ms",
        binaries.elapsed().toMillis());
    SecretStore secrets = new SecretStore(config.secretsDir(), new SecureRandom());
    ManagedServer server =
        new ManagedServer(
            config,
            host,
            binaries.binaries(),
            new ServerTls(clock, log),
            secrets,
            log,
            clock,
            options);
    server.preflight();
    StartReport started = server.start();
    AdminServer admin = null;
    try {
      Connector su = server.superuser();
      ServerHealth health =
          new ServerHealth(
              config.cluster().name(), server.supervisor(), () -> su.open("postgres"), clock);
      if (config.admin().enabled()) {
        admin =
            new AdminServer(
                config.admin().listen(),
                config.admin().port(),
                health,
                out -> {
                  PostgresMetrics.write(out, () -> su.open("postgres"));
                  out.family(
                          "tusk_postgres_restarts_total",
                          PromText.Type.COUNTER,
                          "Times the supervisor restarted PostgreSQL after it exited unexpectedly")
                      .sample("tusk_postgres_restarts_total", server.supervisor().restarts());
                  out.family(
                          "tusk_ready",
                          PromText.Type.GAUGE,
                          "1 when /ready answers 200: PostgreSQL accepts connections, bootstrap finished, components ready")
                      .sample("tusk_ready", health.ready() ? 1 : 0);
                  for (java.util.function.Consumer<PromText> more : extraMetrics) {
                    more.accept(out);
                  }
                });
      }
      Reconciler.Result boot;
      try {
        boot = new Reconciler(su, secrets, log).reconcile(config);
        for (StartHook hook : hooks) {
          hook.afterBootstrap(config, su, health);
        }
        health.bootstrap("done");
      } catch (RuntimeException e) {
        health.bootstrap("failed: " + e.getMessage());
        throw e;
      }
      Report report =
          new Report(
              binaries,
              started,
              boot,
              Optional.ofNullable(admin).map(AdminServer::port),
              Duration.between(t0, clock.instant()));
      return new Platform(server, health, admin, report, extraMetrics);
    } catch (RuntimeException e) {
      if (admin != null) {
        admin.close();
      }
      server.stop();
      throw e;
    }
  }

  /**
   * A missing init_sql file is found before anything is written, not half-way through bootstrap.
   */
  static void requireInitScripts(TuskConfig config) {
    for (var db : config.databases()) {
      java.util.Map<String, java.nio.file.Path> byName = new java.util.HashMap<>();
      for (java.nio.file.Path script : db.initSql()) {
        // The history records a script by its file name, so two files of one name would
        // look like one script edited.
        java.nio.file.Path other = byName.putIfAbsent(script.getFileName().toString(), script);
        if (other != null) {
          throw new dev.tusk.core.error.ConfigException(
              "config.init_sql_duplicate_name",
              "databases."
                  + db.name()
                  + ".init_sql lists two files named "
                  + script.getFileName()
                  + " ("
                  + other
                  + " and "
                  + script
                  + ")",
              "rename one: scripts are recorded by file name");
        }
        if (!java.nio.file.Files.isRegularFile(script) || !java.nio.file.Files.isReadable(script)) {
          throw new dev.tusk.core.error.ConfigException(
              "config.init_sql_missing",
              "databases."
                  + db.name()
                  + ".init_sql names "
                  + script
                  + ", which is not a readable file",
              "create the file or remove it from init_sql (paths are relative to tusk.yaml)");
        }
      }
    }
  }

  public Report report() {
    return report;
  }

  /** Adds a component's metrics to the admin server's /metrics. */
  public void addMetrics(java.util.function.Consumer<PromText> metrics) {
    extraMetrics.add(metrics);
  }

  public ManagedServer server() {
    return server;
  }

  public ServerHealth health() {
    return health;
  }

  /** Stops the admin server, then PostgreSQL (smart, then fast). */
  @Override
  public void close() {
    if (admin != null) {
      admin.close();
    }
    server.stop();
  }
}
