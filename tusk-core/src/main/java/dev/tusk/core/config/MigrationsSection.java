package dev.tusk.core.config;

import static dev.tusk.core.config.ConfigOption.MIGRATIONS_ALLOW_OUT_OF_ORDER;
import static dev.tusk.core.config.ConfigOption.MIGRATIONS_AS_ROLE;
import static dev.tusk.core.config.ConfigOption.MIGRATIONS_AUTO_APPLY;
import static dev.tusk.core.config.ConfigOption.MIGRATIONS_DATABASE;
import static dev.tusk.core.config.ConfigOption.MIGRATIONS_DIR;
import static dev.tusk.core.config.ConfigOption.MIGRATIONS_TENANT_DIR;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code migrations}. Unlike {@code api}, a missing section means the defaults, not "off":
 * {@code ./migrations} next to the config file, the first configured database (else {@code
 * postgres}) and its owner. Whether the directory exists is not checked here: a project without one
 * simply has no migrations, which {@code tusk up} and {@code tusk migrate} decide at run time.
 */
final class MigrationsSection {

  private MigrationsSection() {}

  /** The other sections, as far as the migrations' rules need them. */
  record Peers(List<DatabaseConfig> databases, RoleRefs roles) {}

  static MigrationsConfig read(ReadContext ctx, Optional<YamlMap> map, Peers peers) {
    SectionValues values = new SectionValues(ctx, "migrations", map, List.of());
    Path dir = Convert.path(values.get(MIGRATIONS_DIR));
    Scalar databaseValue = values.get(MIGRATIONS_DATABASE);
    if (databaseValue.isNull()) {
      String first = peers.databases().isEmpty() ? "postgres" : peers.databases().get(0).name();
      databaseValue = ctx.byDefault(MIGRATIONS_DATABASE.key(), Optional.of(first));
    }
    String database = Names.identifier(databaseValue, "a database name");
    Optional<DatabaseConfig> configured =
        peers.databases().stream().filter(d -> d.name().equals(database)).findFirst();
    if (configured.isEmpty() && !database.equals("postgres")) {
      throw unknownDatabase(databaseValue, database, peers.databases());
    }
    Scalar roleValue = values.get(MIGRATIONS_AS_ROLE);
    if (roleValue.isNull()) {
      String owner = configured.map(DatabaseConfig::owner).orElse(peers.roles().superuser());
      roleValue = ctx.byDefault(MIGRATIONS_AS_ROLE.key(), Optional.of(owner));
    }
    String asRole = Names.roleName(roleValue);
    peers.roles().check(roleValue, asRole);
    Scalar tenantValue = values.get(MIGRATIONS_TENANT_DIR);
    Optional<Path> tenantDir = Convert.optionalPath(tenantValue);
    if (tenantDir.isPresent() && tenantDir.get().equals(dir)) {
      throw ConfigErrors.badValue(
          "migrations.tenant_dir "
              + tenantValue.origin().describe()
              + " is the same directory as migrations.dir ("
              + dir
              + "); tenant migrations would also run against the main schema",
          tenantValue.origin().fix() + ": give the tenant migrations a directory of their own");
    }
    return new MigrationsConfig(
        dir,
        database,
        Convert.bool(values.get(MIGRATIONS_AUTO_APPLY)),
        Convert.bool(values.get(MIGRATIONS_ALLOW_OUT_OF_ORDER)),
        tenantDir,
        asRole);
  }

  private static ConfigException unknownDatabase(
      Scalar s, String name, List<DatabaseConfig> databases) {
    List<String> known = new ArrayList<>(databases.stream().map(DatabaseConfig::name).toList());
    known.add("postgres");
    return new ConfigException(
        ConfigErrors.UNKNOWN_REFERENCE,
        s.path()
            + " names database "
            + Scalar.quote(name)
            + " "
            + s.origin().describe()
            + ", which is not in databases"
            + Suggestions.closest(name, known).map(n -> "; did you mean '" + n + "'?").orElse(""),
        "add { name: " + name + " } to databases, or use one of: " + String.join(", ", known));
  }
}
