package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tusk migrate repair}: accept intentional edits of applied files and clear failed rows. */
@Command(
    name = "repair",
    mixinStandardHelpOptions = true,
    description = "Realign checksums of edited applied files and remove failed history rows.")
public final class MigrateRepair implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public MigrateRepair(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    MigrateProject project = MigrateProject.load(cli, config);
    Reports.print(cli, project.migrator(MigrateProject.Access.WRITE).repair(), json);
    return 0;
  }
}
