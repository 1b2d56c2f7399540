package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.core.error.ConfigException;
import dev.tusk.migrate.DownOptions;
import dev.tusk.migrate.DownTarget;
import dev.tusk.migrate.RunResult;
import dev.tusk.migrate.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tusk migrate down}: revert applied versions newest first. How far is required ({@code
 * --steps N} or {@code --to V}): a bare {@code down} reverting "something" is too easy to type.
 */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = "Revert applied migrations with their down files, newest first.")
public final class MigrateDown implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--steps", paramLabel = "N", description = "revert the last N versions")
    Integer steps;

    @Option(
        names = "--to",
        paramLabel = "V",
        description = "revert every version above V (0: all of them)")
    String to;
  }

  @Option(names = "--dry-run", description = "print the SQL that would run; change nothing")
  boolean dryRun;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public MigrateDown(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    DownTarget down;
    if (target.steps != null) {
      if (target.steps < 1) {
        throw new ConfigException(
            "migrate.bad_steps",
            "--steps " + target.steps + " reverts nothing",
            "give a step count of 1 or more");
      }
      down = new DownTarget.Steps(target.steps);
    } else {
      down = new DownTarget.To(Version.parse(target.to));
    }
    MigrateProject project = MigrateProject.load(cli, config);
    MigrateProject.Access access =
        dryRun ? MigrateProject.Access.READ : MigrateProject.Access.WRITE;
    RunResult result = project.migrator(access).down(new DownOptions(down, dryRun));
    Reports.print(cli, result, json);
    return 0;
  }
}
