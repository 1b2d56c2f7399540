package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.RestWiring;
import dev.tusk.cli.Stopper;
import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.config.ConfigLoader;
import dev.tusk.core.config.PostgrestConfig;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.ConfigException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.rest.server.RestServer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tusk serve rest}: one component against an existing PostgreSQL. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run one component against an existing PostgreSQL.",
    subcommands = {ServeCommand.Rest.class})
public final class ServeCommand {

  /** {@code tusk serve rest}: the REST API alone, from tusk.yaml or a PostgREST config. */
  @Command(
      name = "rest",
      mixinStandardHelpOptions = true,
      description =
          "Serve the PostgREST-compatible REST API (tusk.yaml's api section, or a PostgREST"
              + " config file / PGRST_* variables).")
  public static final class Rest implements Callable<Integer> {

    private final Cli cli;

    @Mixin ConfigFileOption config;

    @Option(
        names = "--postgrest",
        paramLabel = "FILE",
        description = "a PostgREST config file (PGRST_* variables apply on top, as in PostgREST)")
    Path postgrest;

    public Rest(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
      TuskLog log =
          new TuskLog(cli.clock(), Optional.empty(), Optional.of(cli.err()), TuskLog.Level.INFO);
      TuskConfig cfg;
      ApiConfig api;
      boolean postgrestMode =
          postgrest != null
              || (config.resolve(cli).isEmpty() && cli.env().containsKey("PGRST_DB_URI"));
      if (postgrestMode) {
        cfg = new ConfigLoader(cli.env(), cli.workingDir()).load(Optional.empty());
        PostgrestConfig p =
            PostgrestConfig.load(
                Optional.ofNullable(postgrest).map(f -> cli.workingDir().resolve(f)),
                cli.env(),
                cli.workingDir());
        p.warnings().forEach(w -> log.warn("rest", w));
        api = p.api();
      } else {
        cfg = config.load(cli);
        api =
            cfg.api()
                .filter(ApiConfig::enabled)
                .orElseThrow(
                    () ->
                        new ConfigException(
                            "rest.not_configured",
                            "there is no enabled api section in the config",
                            "add an api section to tusk.yaml, or pass --postgrest FILE"));
      }
      Stopper stopper = new Stopper();
      try (RestServer server =
          RestWiring.start(
              cfg, api, new dev.tusk.rest.server.PlannerStage(api), cli.env(), log, cli.clock())) {
        stopper.onReload(server::reloadSchema);
        cli.out()
            .println(
                "REST API on http://"
                    + api.listen()
                    + ":"
                    + server.port()
                    + " (schemas "
                    + String.join(", ", api.schemas())
                    + "); stop with Ctrl-C or SIGTERM, reload the schema with SIGUSR1");
        cli.out().flush();
        stopper.await();
      }
      cli.out().println("REST API stopped.");
      return 0;
    }
  }
}
