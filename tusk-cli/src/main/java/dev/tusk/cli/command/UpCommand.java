package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.UpSummary;
import dev.tusk.cli.Waiter;
import dev.tusk.cli.migrate.AutoMigrate;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.ErrorRenderer;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.Platform;
import dev.tusk.engine.ServerOptions;
import dev.tusk.engine.binaries.BinaryResolver;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
    List<Platform.StartHook> hooks = AutoMigrate.hooks(cfg, log, cli.out(), cli.clock());
    Waiter waiter = new Waiter();
    Platform platform =
        Platform.start(cfg, resolver, log, cli.clock(), ServerOptions.defaults(), hooks);
    if (waiter.stopRequested()) {
      cli.err().println("tusk: stop requested during start-up; stopping");
      platform.close();
      return 0;
    }
    cli.out().println(UpSummary.render(cfg, platform.report()));
    cli.out().flush();
    Waiter.Outcome outcome = waiter.until(platform);
    platform.close();
    if (outcome instanceof Waiter.Outcome.Crashed(OperationException reason)) {
      cli.err().println(ErrorRenderer.render(reason));
      return reason.exitCode();
    }
    cli.out().println("Tusk stopped.");
    return 0;
  }
}
