package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.drift.DriftResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tusk migrate drift}: whether the database's schema is still what its applied migrations
 * make. Exit 0 no drift, 1 drift (or the check failed), 2 bad usage, config or files.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description =
        "Replay the applied migrations into a scratch database and compare its schema with the"
            + " database's; exit 1 when they differ.")
public final class MigrateDrift implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(
      names = "--scratch-url",
      paramLabel = "URL",
      description =
          "an existing empty database to replay into (left in place), instead of a new one on"
              + " the same server (dropped afterwards)")
  String scratchUrl;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public MigrateDrift(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    MigrateProject project = MigrateProject.load(cli, config);
    MigrationSet files = project.scan();
    ScratchWiring wiring = ScratchWiring.of(project, Optional.ofNullable(scratchUrl));
    DriftResult result = wiring.drift(files).run();
    Reports.print(cli, result.toText(), result.toJsonText(), json);
    return result.drift() ? 1 : 0;
  }
}
