package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.migrate.MigrateBaseline;
import dev.tusk.cli.migrate.MigrateDown;
import dev.tusk.cli.migrate.MigrateDrift;
import dev.tusk.cli.migrate.MigrateLint;
import dev.tusk.cli.migrate.MigrateNew;
import dev.tusk.cli.migrate.MigrateRepair;
import dev.tusk.cli.migrate.MigrateStatus;
import dev.tusk.cli.migrate.MigrateUp;
import dev.tusk.cli.migrate.MigrateValidate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tusk migrate}: versioned SQL migrations against the platform's server (the subcommands are
 * in {@code dev.tusk.cli.migrate}). Exit codes: 0 ok, 1 a migration or check failed, 2 bad usage,
 * config or migration files (nothing was run).
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description =
        "Versioned SQL migrations: new, up, down, status, validate, drift, lint, baseline, repair.",
    subcommands = {
      MigrateNew.class,
      MigrateUp.class,
      MigrateDown.class,
      MigrateStatus.class,
      MigrateValidate.class,
      MigrateDrift.class,
      MigrateLint.class,
      MigrateBaseline.class,
      MigrateRepair.class
    })
public final class MigrateCommand implements Callable<Integer> {

  private final Cli cli;

  @Spec CommandSpec spec;

  public MigrateCommand(Cli cli) {
    this.cli = cli;
  }

  /** Without a subcommand: the usage, and exit 2 like any other usage error. */
  @Override
  public Integer call() {
    cli.err().println("tusk migrate: give a subcommand");
    spec.commandLine().usage(cli.err());
    return 2;
  }
}
