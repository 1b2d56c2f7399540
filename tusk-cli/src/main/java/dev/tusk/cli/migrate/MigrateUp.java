package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.RunResult;
import dev.tusk.migrate.UpOptions;
import dev.tusk.migrate.Version;
import dev.tusk.migrate.tenant.TenantsUpResult;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tusk migrate up}: apply pending versions (up to {@code --to}), then repeatables. With
 * {@code --tenants}, the same for the tenant migrations on every tenant (see {@link
 * TenantProject}).
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Apply pending migrations, each in its own transaction.")
public final class MigrateUp implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Option(names = "--to", paramLabel = "V", description = "apply versions up to V only")
  String to;

  @Option(names = "--dry-run", description = "print the SQL that would run; change nothing")
  boolean dryRun;

  @Option(
      names = "--allow-out-of-order",
      description = "apply pending versions older than the latest applied one")
  boolean allowOutOfOrder;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  @Option(
      names = "--tenants",
      description =
          "apply the tenant migrations (migrations.tenant_dir) to every tenant instead, one line"
              + " per tenant; a failed tenant does not stop the others")
  boolean tenants;

  public MigrateUp(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    Optional<Version> target = Optional.ofNullable(to).map(Version::parse);
    if (tenants) {
      return upTenants(target);
    }
    MigrateProject project = MigrateProject.load(cli, config);
    UpOptions options =
        new UpOptions(target, allowOutOfOrder || project.migrations().allowOutOfOrder(), dryRun);
    MigrateProject.Access access =
        dryRun ? MigrateProject.Access.READ : MigrateProject.Access.WRITE;
    RunResult result = project.migrator(access).up(options);
    Reports.print(cli, result, json);
    return 0;
  }

  private int upTenants(Optional<Version> target) {
    TenantProject project = TenantProject.load(cli, config);
    MigrationSet files = project.scan();
    UpOptions options =
        new UpOptions(
            target, allowOutOfOrder || project.project().migrations().allowOutOfOrder(), dryRun);
    TenantsUpResult result = project.tenants().up(files, options);
    TenantProject.print(cli, result.toText(), result.toJson(), json);
    if (result.failure().isPresent()) {
      throw result.failure().get();
    }
    return 0;
  }
}
