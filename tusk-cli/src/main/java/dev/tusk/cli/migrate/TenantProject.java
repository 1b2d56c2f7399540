package dev.tusk.cli.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.LocalServer;
import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.config.MigrationsConfig;
import dev.tusk.core.error.ConfigException;
import dev.tusk.engine.sql.Connector;
import dev.tusk.migrate.MigrationScanner;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.tenant.TenantSettings;
import dev.tusk.migrate.tenant.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the tenant commands ({@code tusk tenant ...}, {@code tusk migrate up --tenants}) start from:
 * the {@link MigrateProject}, the tenant migrations in {@code migrations.tenant_dir} (scanned
 * before anything connects, so a missing setting, a missing directory or a bad file is exit 2 with
 * nothing run), and {@link Tenants} against the running server as the superuser.
 *
 * <p>When the config serves the REST API from this server (an {@code api} section without {@code
 * db_uri}), its login role {@code api.user} is made a member of each new tenant role, so a request
 * whose JWT names {@code app_tenant_<id>} can switch to it.
 */
public record TenantProject(MigrateProject project) {

  public static TenantProject load(Cli cli, ConfigFileOption option) {
    return new TenantProject(MigrateProject.load(cli, option));
  }

  /** The tenant migrations; refuses a config without {@code migrations.tenant_dir}. */
  public MigrationSet scan() {
    MigrationsConfig m = project.migrations();
    Path dir =
        m.tenantDir()
            .orElseThrow(
                () ->
                    new ConfigException(
                        "tenant.not_configured",
                        "migrations.tenant_dir is not set, so there are no tenant migrations to"
                            + " apply",
                        "add tenant_dir: ./tenant_migrations under migrations in tusk.yaml (or"
                            + " set TUSK_MIGRATIONS_TENANT_DIR) and put the tenant migrations"
                            + " there"));
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(
          "tenant.no_directory",
          "the tenant migrations directory "
              + project.shown(dir)
              + " (migrations.tenant_dir) does not exist or is not a directory",
          "create it (an empty directory is fine: tenants then get only their schema and role),"
              + " or point migrations.tenant_dir at the right place");
    }
    return new MigrationScanner().scan(dir);
  }

  public Tenants tenants() {
    Connector superuser = LocalServer.connector(project.config(), Optional.empty());
    Optional<String> apiRole =
        project.config().api().filter(a -> a.dbUri().isEmpty()).map(ApiConfig::user);
    return new Tenants(
        ServerSource.of(superuser, project.migrations().database()),
        new TenantSettings(project.migrations().asRole(), apiRole),
        project.cli().clock());
  }

  /**
   * Who runs the command, for {@code tusk.tenants.created_by}: the operating-system user, from
   * {@code USER} or {@code LOGNAME}, else the account the JVM runs as (shells that set neither,
   * such as cron or a container's entrypoint).
   */
  public String createdBy() {
    Cli cli = project.cli();
    return Optional.ofNullable(cli.env().get("USER"))
        .filter(u -> !u.isBlank())
        .or(() -> Optional.ofNullable(cli.env().get("LOGNAME")).filter(u -> !u.isBlank()))
        .orElseGet(() -> System.getProperty("user.name", "unknown"));
  }

  /** Prints a tenant report: the text, or with {@code --json} the JSON document. */
  public static void print(Cli cli, String text, ObjectNode json, boolean asJson) {
    cli.out().print(asJson ? json.toPrettyString() + "\n" : text);
    cli.out().flush();
  }
}
