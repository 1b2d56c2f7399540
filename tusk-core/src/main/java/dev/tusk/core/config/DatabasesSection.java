package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code databases}. The owner defaults to the superuser (what {@code CREATE DATABASE}
 * without {@code OWNER} does); every role it names must exist. Whether {@code init_sql} files exist
 * is the engine's concern at bootstrap, not the loader's: {@code tusk config check} may run on a
 * machine that does not have them.
 */
final class DatabasesSection {

  static final List<String> KEYS =
      List.of("name", "owner", "schemas", "extensions", "init_sql", "grants");
  static final List<String> GRANT_KEYS =
      List.of("role", "schemas", "tables", "sequences", "functions");

  private DatabasesSection() {}

  static List<DatabaseConfig> read(YamlMap root, List<Node> items, RoleRefs refs) {
    List<DatabaseConfig> out = new ArrayList<>();
    Unique names = new Unique("database name");
    for (int i = 0; i < items.size(); i++) {
      YamlMap entry = root.item(items.get(i), "databases", i);
      entry.requireKnown(KEYS);
      Scalar nameValue = entry.required("name");
      String name = names.add(nameValue, Names.identifier(nameValue, "a database name"));
      Scalar ownerValue = entry.scalarOr("owner", refs.superuser());
      String owner = Names.identifier(ownerValue, "a role name");
      refs.check(ownerValue, owner);
      Unique schemaNames = new Unique("schema");
      List<String> schemas = new ArrayList<>();
      for (Scalar s : entry.scalars("schemas")) {
        schemas.add(schemaNames.add(s, Names.schemaName(s)));
      }
      Unique extensionNames = new Unique("extension");
      List<String> extensions = new ArrayList<>();
      for (Scalar s : entry.scalars("extensions")) {
        extensions.add(extensionNames.add(s, Names.identifier(s, "an extension name")));
      }
      List<Path> initSql = new ArrayList<>();
      for (Scalar s : entry.scalars("init_sql")) {
        initSql.add(Convert.path(s));
      }
      List<GrantConfig> grants = new ArrayList<>();
      List<Node> grantNodes = entry.list("grants").orElse(List.of());
      for (int g = 0; g < grantNodes.size(); g++) {
        grants.add(grant(entry.item(grantNodes.get(g), entry.child("grants"), g), refs));
      }
      out.add(
          new DatabaseConfig(
              name,
              owner,
              List.copyOf(schemas),
              List.copyOf(extensions),
              List.copyOf(initSql),
              List.copyOf(grants)));
    }
    return List.copyOf(out);
  }

  private static GrantConfig grant(YamlMap entry, RoleRefs refs) {
    entry.requireKnown(GRANT_KEYS);
    Scalar roleValue = entry.required("role");
    String role = Names.identifier(roleValue, "a role name");
    refs.check(roleValue, role);
    if (entry.list("schemas").map(List::isEmpty).orElse(true)) {
      throw ConfigErrors.badValue(
          entry.child("schemas")
              + " must list at least one schema, in the grant at "
              + entry.location(),
          "name the schemas whose objects " + role + " may use, such as [public]");
    }
    Unique schemaNames = new Unique("schema");
    List<String> schemas = new ArrayList<>();
    for (Scalar s : entry.scalars("schemas")) {
      schemas.add(schemaNames.add(s, Names.identifier(s, "a schema name")));
    }
    return new GrantConfig(
        role,
        List.copyOf(schemas),
        Privileges.TABLES.read(entry.scalars("tables")),
        Privileges.SEQUENCES.read(entry.scalars("sequences")),
        Privileges.FUNCTIONS.read(entry.scalars("functions")));
  }
}
