package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.migrate.Version;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tusk migrate baseline --version V}: adopt an existing database at version V. */
@Command(
    name = "baseline",
    description =
        "Record that an existing database is at version V (files up to V count as applied).")
public final class MigrateBaseline implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  // No mixinStandardHelpOptions: its --version (print Tusk's version) would take this name.
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--version", paramLabel = "V", required = true, description = "the version")
  String version;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public MigrateBaseline(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Version v = Version.parse(version);
    MigrateProject project = MigrateProject.load(cli, config);
    Reports.print(cli, project.migrator(MigrateProject.Access.WRITE).baseline(v), json);
    return 0;
  }
}
