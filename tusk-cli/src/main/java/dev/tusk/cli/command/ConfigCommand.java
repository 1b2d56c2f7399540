package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.core.config.ConfigPrinter;
import dev.tusk.core.config.TuskConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tusk config check|print}. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Check or print the effective configuration.",
    subcommands = {ConfigCommand.Check.class, ConfigCommand.Print.class})
public final class ConfigCommand {

  /** {@code tusk config check}: validates, exit 0 or 2. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Validate the config; exit 0 if valid, 2 if not.")
  public static final class Check implements Callable<Integer> {
    private final Cli cli;

    @Mixin ConfigFileOption config;

    public Check(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      TuskConfig cfg = config.load(cli);
      // What tusk up checks before it writes anything, beyond the file's own rules.
      dev.tusk.engine.init.PostgresConf.validate(cfg.postgres());
      cli.out()
          .println(
              "config ok: "
                  + cfg.source().map(p -> p.toString()).orElse("no file, built-in defaults")
                  + " (cluster "
                  + cfg.cluster().name()
                  + ")");
      return 0;
    }
  }

  /** {@code tusk config print}: the effective config, secrets redacted. */
  @Command(
      name = "print",
      mixinStandardHelpOptions = true,
      description = "Print the effective config (defaults filled in, secrets redacted).")
  public static final class Print implements Callable<Integer> {
    private final Cli cli;

    @Mixin ConfigFileOption config;

    public Print(Cli cli) {
      this.cli = cli;
    }

    @Override
    public Integer call() {
      cli.out().print(ConfigPrinter.print(config.load(cli)));
      cli.out().flush();
      return 0;
    }
  }
}
