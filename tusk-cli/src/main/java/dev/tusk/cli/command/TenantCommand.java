package dev.tusk.cli.command;

import dev.tusk.cli.Cli;
import dev.tusk.cli.tenant.TenantCreate;
import dev.tusk.cli.tenant.TenantList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tusk tenant}: schema-per-tenant provisioning against the platform's server (the
 * subcommands are in {@code dev.tusk.cli.tenant}; {@code tusk migrate up --tenants} migrates every
 * tenant). Exit codes: 0 ok, 1 the operation failed, 2 bad usage, config or tenant id (nothing was
 * run).
 */
@Command(
    name = "tenant",
    mixinStandardHelpOptions = true,
    description = "Tenants, one schema and role each: create, list.",
    subcommands = {TenantCreate.class, TenantList.class})
public final class TenantCommand implements Callable<Integer> {

  private final Cli cli;

  @Spec CommandSpec spec;

  public TenantCommand(Cli cli) {
    this.cli = cli;
  }

  /** Without a subcommand: the usage, and exit 2 like any other usage error. */
  @Override
  public Integer call() {
    cli.err().println("tusk tenant: give a subcommand");
    spec.commandLine().usage(cli.err());
    return 2;
  }
}
