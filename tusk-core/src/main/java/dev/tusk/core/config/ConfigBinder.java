package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Builds the {@link TuskConfig} from the parsed file (or from nothing), section by section, in the
 * order the checks need: roles before databases, so owners and grantees can be checked, then the
 * API and the migrations, whose checks look at the others.
 */
final class ConfigBinder {

  static final List<String> SECTIONS =
      List.of("cluster", "postgres", "databases", "roles", "api", "migrations", "admin");

  /** Sections of the design that this version does not implement yet. */
  static final List<String> LATER_SECTIONS = List.of("pooler", "backup");

  private final ReadContext ctx;

  ConfigBinder(ReadContext ctx) {
    this.ctx = ctx;
  }

  TuskConfig bind(Optional<Path> source, Optional<YamlMap> root) {
    root.ifPresent(ConfigBinder::checkSections);
    ClusterConfig cluster = ClusterSection.read(ctx, root.flatMap(r -> r.map("cluster")));
    PostgresConfig postgres =
        PostgresSection.read(ctx, root.flatMap(r -> r.map("postgres")), cluster.home());
    String superuser = postgres.superuser();
    Optional<List<Node>> roleNodes = root.flatMap(r -> r.list("roles"));
    List<RoleConfig> roles =
        roleNodes.isPresent()
            ? RolesSection.read(root.get(), roleNodes.get(), superuser)
            : defaultRoles(superuser);
    RoleRefs refs = RoleRefs.of(roles, superuser);
    Optional<List<Node>> databaseNodes = root.flatMap(r -> r.list("databases"));
    List<DatabaseConfig> databases =
        databaseNodes.isPresent()
            ? DatabasesSection.read(root.get(), databaseNodes.get(), refs)
            : defaultDatabases(refs);
    AdminConfig admin = AdminSection.read(ctx, root.flatMap(r -> r.map("admin")), postgres);
    Optional<ApiConfig> api =
        ApiSection.read(ctx, root, new ApiSection.Peers(postgres, databases, roles, admin));
    MigrationsConfig migrations =
        MigrationsSection.read(
            ctx,
            root.flatMap(r -> r.map("migrations")),
            new MigrationsSection.Peers(databases, refs));
    return new TuskConfig(
        source, cluster, postgres, databases, roles, admin, api, Optional.of(migrations));
  }

  private static void checkSections(YamlMap root) {
    for (String key : root.keys()) {
      if (LATER_SECTIONS.contains(key)) {
        throw new ConfigException(
            ConfigErrors.UNSUPPORTED_SECTION,
            "section '"
                + key
                + "' is not supported by this version of Tusk yet (at "
                + root.keyLocation(key)
                + ")",
            "remove the '"
                + key
                + "' section; this version reads only "
                + String.join(", ", SECTIONS));
      }
    }
    root.requireKnown(SECTIONS);
  }

  private static List<RoleConfig> defaultRoles(String superuser) {
    List<RoleConfig> roles = ConfigDefaults.roles();
    if (roles.stream().anyMatch(r -> r.name().equals(superuser))) {
      throw ConfigErrors.badValue(
          "postgres.superuser '"
              + superuser
              + "' has the name of a default role, and the file has no roles section",
          "choose another postgres.superuser, or write a roles section");
    }
    return roles;
  }

  private static List<DatabaseConfig> defaultDatabases(RoleRefs refs) {
    List<DatabaseConfig> databases = ConfigDefaults.databases();
    for (DatabaseConfig db : databases) {
      if (!db.owner().equals(refs.superuser()) && !refs.roles().contains(db.owner())) {
        throw new ConfigException(
            ConfigErrors.UNKNOWN_ROLE,
            "the default database '"
                + db.name()
                + "' (used because the file has no databases section) is owned by role '"
                + db.owner()
                + "', which is not in roles",
            "add { name: " + db.owner() + ", login: true } to roles, or write a databases section");
      }
    }
    return databases;
  }
}
