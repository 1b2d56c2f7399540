package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.migrate.ValidateResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tusk migrate validate}: exit 1 when the files and the history disagree; reads only. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check the files against the history; exit 1 on edited, missing or failed ones.")
public final class MigrateValidate implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(
      names = "--allow-out-of-order",
      description = "accept pending versions older than the latest applied one")
  boolean allowOutOfOrder;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public MigrateValidate(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    MigrateProject project = MigrateProject.load(cli, config);
    boolean outOfOrder = allowOutOfOrder || project.migrations().allowOutOfOrder();
    ValidateResult result = project.migrator(MigrateProject.Access.READ).validate(outOfOrder);
    Reports.print(cli, result, json);
    return result.ok() ? 0 : 1;
  }
}
