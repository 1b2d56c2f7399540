package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DatabasesTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  static final String ROLES = "roles: [{ name: owner1, login: true }, { name: web }]";

  @Test
  void aFullDatabaseEntryIsRead() {
    TuskConfig c =
        f.load(
            yaml(
                "databases:",
                "  - name: shop",
                "    owner: owner1",
                "    schemas: [identity, content]",
                "    extensions: [pgcrypto, uuid-ossp]",
                "    init_sql: [sql/001.sql, /abs/002.sql]",
                "    grants:",
                "      - role: web",
                "        schemas: [content]",
                "        tables: [select, Insert, UPDATE]",
                "        sequences: [usage]",
                "        functions: [execute]",
                "  - name: \"My DB\"",
                ROLES));

    assertThat(c.databases())
        .containsExactly(
            new DatabaseConfig(
                "shop",
                "owner1",
                List.of("identity", "content"),
                List.of("pgcrypto", "uuid-ossp"),
                List.of(tmp.resolve("sql/001.sql"), Path.of("/abs/002.sql")),
                List.of(
                    new GrantConfig(
                        "web",
                        List.of("content"),
                        List.of("SELECT", "INSERT", "UPDATE"),
                        List.of("USAGE"),
                        List.of("EXECUTE")))),
            new DatabaseConfig("My DB", "postgres", List.of(), List.of(), List.of(), List.of()));
  }

  @Test
  void identifiersUpTo63BytesAreAccepted() {
    String max = "d".repeat(63);
    String multibyte = "\u00e9".repeat(31) + "x";

    TuskConfig c =
        f.load(yaml("databases: [{ name: " + max + " }, { name: " + multibyte + " }]", ROLES));

    assertThat(c.databases()).extracting(DatabaseConfig::name).containsExactly(max, multibyte);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "duplicate database",
            "databases: [{ name: app }, { name: app }]",
            "config.duplicate_name",
            "duplicate database name \"app\" in databases[1].name at tusk.yaml:1:36"
                + " (first in databases[0].name at tusk.yaml:1:21)"),
        Arguments.of(
            "name missing",
            "databases: [{ owner: web }]",
            "config.missing_key",
            "databases[0].name is required; it is missing in the entry at tusk.yaml:1:13"),
        Arguments.of(
            "name too long",
            "databases: [{ name: " + "d".repeat(64) + " }]",
            "config.bad_value",
            "a database name of 1-63 bytes"),
        Arguments.of(
            "name too long in bytes",
            "databases: [{ name: " + "\u00e9".repeat(32) + " }]",
            "config.bad_value",
            "1-63 bytes"),
        Arguments.of(
            "NUL in a name", "databases: [{ name: \"a\\0b\" }]", "config.bad_value", "without NUL"),
        Arguments.of("empty name", "databases: [{ name: \"\" }]", "config.bad_value", "name"),
        Arguments.of(
            "unknown owner",
            "databases: [{ name: app, owner: ownr1 }]",
            "config.unknown_role",
            "databases[0].owner names role \"ownr1\" at tusk.yaml:1:33, which is neither in roles"
                + " nor postgres.superuser; did you mean 'owner1'?"),
        Arguments.of(
            "unknown grant role",
            "databases: [{ name: app, grants: [{ role: nobody, schemas: [public] }] }]",
            "config.unknown_role",
            "databases[0].grants[0].role names role \"nobody\""),
        Arguments.of(
            "grant without schemas",
            "databases: [{ name: app, grants: [{ role: web }] }]",
            "config.bad_value",
            "databases[0].grants[0].schemas must list at least one schema"),
        Arguments.of(
            "grant without role",
            "databases: [{ name: app, grants: [{ schemas: [public] }] }]",
            "config.missing_key",
            "databases[0].grants[0].role is required"),
        Arguments.of(
            "table privilege from another kind",
            "databases: [{ name: a, grants: [{ role: web, schemas: [s], tables: [EXECUTE] }] }]",
            "config.bad_value",
            "databases[0].grants[0].tables[0] must be one of SELECT, INSERT, UPDATE, DELETE,"
                + " TRUNCATE, REFERENCES, TRIGGER, MAINTAIN, ALL, got \"EXECUTE\""),
        Arguments.of(
            "sequence privilege",
            "databases: [{ name: a, grants: [{ role: web, schemas: [s], sequences: [insert] }] }]",
            "config.bad_value",
            "must be one of USAGE, SELECT, UPDATE, ALL"),
        Arguments.of(
            "function privilege",
            "databases: [{ name: a, grants: [{ role: web, schemas: [s], functions: [usage] }] }]",
            "config.bad_value",
            "must be one of EXECUTE, ALL"),
        Arguments.of(
            "SQL in a privilege",
            "databases: [{ name: a, grants: [{ role: web, schemas: [s],"
                + " tables: [\"SELECT; DROP TABLE x\"] }] }]",
            "config.bad_value",
            "tables[0] must be one of"),
        Arguments.of(
            "privilege twice",
            "databases: [{ name: a, grants: [{ role: web, schemas: [s], tables: [select, SELECT] }] }]",
            "config.bad_value",
            "SELECT is listed twice"),
        Arguments.of(
            "schema twice",
            "databases: [{ name: a, schemas: [s1, s2, s1] }]",
            "config.duplicate_name",
            "duplicate schema \"s1\" in databases[0].schemas[2]"),
        Arguments.of(
            "extension twice",
            "databases: [{ name: a, extensions: [pgcrypto, pgcrypto] }]",
            "config.duplicate_name",
            "duplicate extension \"pgcrypto\""),
        Arguments.of(
            "reserved schema",
            "databases: [{ name: a, schemas: [pg_mine] }]",
            "config.bad_value",
            "does not start with pg_"),
        Arguments.of(
            "schemas not a list",
            "databases: [{ name: a, schemas: content }]",
            "config.bad_type",
            "databases[0].schemas must be a list, got a single value"),
        Arguments.of(
            "entry not a mapping",
            "databases: [app]",
            "config.bad_type",
            "databases[0] must be a mapping of key: value, got a single value at tusk.yaml:1:13"),
        Arguments.of(
            "databases not a list",
            "databases: { name: app }",
            "config.bad_type",
            "databases must be a list, got a mapping"),
        Arguments.of(
            "list in a list",
            "databases: [{ name: a, extensions: [[x]] }]",
            "config.bad_type",
            "databases[0].extensions[0] must be a single value, got a list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesBadEntries(String name, String databases, String code, String message) {
    ConfigException e = f.fail(yaml(databases, ROLES));

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message);
    assertThat(e.hint()).isPresent();
  }

  @Test
  void theSuperuserMayOwnAndBeGranted() {
    TuskConfig c =
        f.load(
            yaml(
                "postgres: { superuser: boss }",
                "databases: [{ name: a, owner: boss, grants: [{ role: boss, schemas: [public] }] }]",
                "roles: []"));

    assertThat(c.databases().get(0).owner()).isEqualTo("boss");
    assertThat(c.databases().get(0).grants().get(0).tables()).isEmpty();
  }

  @Test
  void ownersAreCheckedAgainstTheDefaultRolesWhenRolesAreOmitted() {
    assertThat(f.load(yaml("databases: [{ name: a, owner: app_owner }]")).roles())
        .isEqualTo(ConfigDefaults.roles());

    ConfigException e = f.fail(yaml("databases: [{ name: a, owner: owner1 }]"));
    assertThat(e.code()).isEqualTo("config.unknown_role");
  }
}
