package dev.tusk.cli.tenant;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.migrate.TenantProject;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.tenant.TenantCreated;
import dev.tusk.migrate.tenant.TenantId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tusk tenant create ID}: schema {@code tenant_<id>}, role {@code app_tenant_<id>}, their
 * grants and the registry row in one transaction, then the tenant migrations. The id and the files
 * are checked before anything connects (exit 2).
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description =
        "Create a tenant: schema tenant_<id>, role app_tenant_<id>, grants, then apply the tenant"
            + " migrations (migrations.tenant_dir) to it.")
public final class TenantCreate implements Callable<Integer> {

  private final Cli cli;

  @Mixin ConfigFileOption config;

  @Parameters(
      index = "0",
      paramLabel = "ID",
      description = "the tenant id: lowercase letters, digits and _, starting with a letter")
  String id;

  @Option(
      names = "--if-not-exists",
      description = "an existing tenant is not an error (it is left unchanged)")
  boolean ifNotExists;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  public TenantCreate(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    TenantId tenant = TenantId.parse(id);
    TenantProject project = TenantProject.load(cli, config);
    MigrationSet files = project.scan();
    TenantCreated result =
        project.tenants().create(tenant, files, project.createdBy(), ifNotExists);
    TenantProject.print(cli, result.toText(), result.toJson(), json);
    if (result.failure().isPresent()) {
      throw result.failure().get();
    }
    return 0;
  }
}
