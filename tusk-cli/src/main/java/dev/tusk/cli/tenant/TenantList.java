package dev.tusk.cli.tenant;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.migrate.TenantProject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tusk tenant list}: the registered tenants and their versions; reads only. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the tenants: schema, role, the version of their migrations, when created.")
public final class TenantList implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public TenantList(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    dev.tusk.migrate.tenant.TenantList list = TenantProject.load(cli, config).tenants().list();
    TenantProject.print(cli, list.toText(), list.toJson(), json);
    return 0;
  }
}
