package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tusk migrate status}: every migration and its state; reads only. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "List migrations: applied, pending, changed, missing, failed.")
public final class MigrateStatus implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public MigrateStatus(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    MigrateProject project = MigrateProject.load(cli, config);
    Reports.print(cli, project.migrator(MigrateProject.Access.READ).status(), json);
    return 0;
  }
}
