package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.RestWiring;
import dev.tusk.cli.UpSummary;
import dev.tusk.cli.Waiter;
import dev.tusk.cli.migrate.AutoMigrate;
import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.ErrorRenderer;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.Platform;
import dev.tusk.engine.ServerOptions;
import dev.tusk.engine.binaries.BinaryResolver;
import dev.tusk.engine.init.PortCheck;
import dev.tusk.rest.server.PlannerStage;
import dev.tusk.rest.server.RestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tusk up}: run the platform in the foreground until SIGTERM or Ctrl-C. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Run PostgreSQL and the platform in the foreground.")
public final class UpCommand implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  public UpCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    TuskConfig cfg = config.load(cli);
    TuskLog log =
        new TuskLog(cli.clock(), Optional.empty(), Optional.of(cli.err()), TuskLog.Level.INFO);
    BinaryResolver resolver =
        new BinaryResolver(
            BinaryResolver.defaultCacheRoot(cli.env(), BinaryResolver.runningAsRoot()),
            cli.clock());
    Optional<ApiConfig> api = cfg.api().filter(ApiConfig::enabled);
    api.ifPresent(a -> PortCheck.requireFree(a.listen(), a.port(), "api.port", "TUSK_API_PORT"));
    List<Platform.StartHook> hooks =
        new ArrayList<>(AutoMigrate.hooks(cfg, log, cli.out(), cli.clock()));
    // The REST API starts last, after migrations, so its schema cache sees the migrated schema.
    AtomicReference<RestServer> rest = new AtomicReference<>();
    api.ifPresent(
        a ->
            hooks.add(
                (config, superuser, health) -> {
                  RestServer r =
                      RestWiring.start(config, a, new PlannerStage(a), cli.env(), log, cli.clock());
                  rest.set(r);
                  health.addComponent("rest", r::state);
                  RestWiring.reloadOnUsr1(r);
                }));
    Waiter waiter = new Waiter();
    Platform platform;
    try {
      platform = Platform.start(cfg, resolver, log, cli.clock(), ServerOptions.defaults(), hooks);
    } catch (RuntimeException e) {
      Optional.ofNullable(rest.get()).ifPresent(RestServer::close);
      throw e;
    }
    Optional.ofNullable(rest.get()).ifPresent(r -> platform.addMetrics(r::writeMetrics));
    if (waiter.stopRequested()) {
      cli.err().println("tusk: stop requested during start-up; stopping");
      Optional.ofNullable(rest.get()).ifPresent(RestServer::close);
      platform.close();
      return 0;
    }
    Optional<String> restLine =
        Optional.ofNullable(rest.get())
            .map(
                r ->
                    "  REST API:  http://"
                        + api.get().listen()
                        + ":"
                        + r.port()
                        + "/  (schemas "
                        + String.join(", ", api.get().schemas())
                        + "; tusk token --role ROLE mints a JWT)");
    cli.out().println(UpSummary.render(cfg, platform.report(), restLine));
    cli.out().flush();
    Waiter.Outcome outcome = waiter.until(platform);
    Optional.ofNullable(rest.get()).ifPresent(RestServer::close);
    platform.close();
    if (outcome instanceof Waiter.Outcome.Crashed(OperationException reason)) {
      cli.err().println(ErrorRenderer.render(reason));
      return reason.exitCode();
    }
    cli.out().println("Tusk stopped.");
    return 0;
  }
}
