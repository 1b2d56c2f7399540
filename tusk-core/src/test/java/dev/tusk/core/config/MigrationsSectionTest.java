package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code migrations} section: its defaults (which apply without the section), how they follow
 * {@code databases}, and one row per rule with the code and the part of the message that names the
 * key, the value and the place.
 */
class MigrationsSectionTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  private MigrationsConfig migrations(String text) {
    return f.load(text).migrations().orElseThrow();
  }

  @Test
  void withoutTheSectionTheDefaultsApply() {
    MigrationsConfig want =
        new MigrationsConfig(
            tmp.resolve("migrations"), "app", true, false, Optional.empty(), "app_owner");

    assertThat(f.loadNoFile().migrations()).contains(want);
    assertThat(migrations(yaml("cluster: { name: db-x-y }"))).isEqualTo(want);
    assertThat(migrations(yaml("migrations:"))).isEqualTo(want);
    assertThat(migrations(yaml("migrations: {}"))).isEqualTo(want);
  }

  @Test
  void relativeDirectoriesResolveAgainstTheConfigFile() {
    f.write("deploy/tusk.yaml", yaml("migrations: { dir: db/m, tenant_dir: ../tenants }"));

    MigrationsConfig m =
        f.loader().load(Optional.of(Path.of("deploy/tusk.yaml"))).migrations().orElseThrow();

    assertThat(m.dir()).isEqualTo(tmp.resolve("deploy/db/m"));
    assertThat(m.tenantDir()).contains(tmp.resolve("tenants"));
  }

  @Test
  void aRelativeDirFromTheEnvironmentResolvesAgainstTheWorkingDirectory() {
    f.env("TUSK_MIGRATIONS_DIR", "sql/migrations");
    f.write("deploy/tusk.yaml", yaml("migrations: { dir: elsewhere }"));

    MigrationsConfig m =
        f.loader().load(Optional.of(Path.of("deploy/tusk.yaml"))).migrations().orElseThrow();

    assertThat(m.dir()).isEqualTo(tmp.resolve("sql/migrations"));
  }

  @Test
  void theDatabaseAndRoleFollowTheFirstDatabaseAndItsOwner() {
    String text =
        yaml(
            "roles: [{ name: shop_owner }, { name: crm_owner }, { name: deployer }]",
            "databases: [{ name: shop, owner: shop_owner }, { name: crm, owner: crm_owner }]");

    assertThat(migrations(text).database()).isEqualTo("shop");
    assertThat(migrations(text).asRole()).isEqualTo("shop_owner");
    MigrationsConfig crm = migrations(text + "migrations: { database: crm }\n");
    assertThat(crm.asRole()).isEqualTo("crm_owner");
    MigrationsConfig deployer = migrations(text + "migrations: { as_role: deployer }\n");
    assertThat(deployer.database()).isEqualTo("shop");
    assertThat(deployer.asRole()).isEqualTo("deployer");
  }

  @Test
  void withoutDatabasesTheyGoToPostgresAsTheSuperuser() {
    MigrationsConfig m = migrations(yaml("postgres: { superuser: admin }", "databases: []"));

    assertThat(m.database()).isEqualTo("postgres");
    assertThat(m.asRole()).isEqualTo("admin");
  }

  @Test
  void theSuperuserAndThePostgresDatabaseAreAllowed() {
    MigrationsConfig m = migrations(yaml("migrations: { database: postgres, as_role: postgres }"));

    assertThat(m.database()).isEqualTo("postgres");
    assertThat(m.asRole()).isEqualTo("postgres");
  }

  @Test
  void everyKeyIsRead() {
    MigrationsConfig m =
        migrations(
            yaml(
                "migrations:",
                "  dir: /srv/m",
                "  database: app",
                "  auto_apply: false",
                "  allow_out_of_order: true",
                "  tenant_dir: t",
                "  as_role: api_user"));

    assertThat(m)
        .isEqualTo(
            new MigrationsConfig(
                Path.of("/srv/m"), "app", false, true, Optional.of(tmp.resolve("t")), "api_user"));
  }

  static Arguments row(String keys, String code, String message) {
    return Arguments.of("migrations: { " + keys + " }\n", code, message);
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        row(
            "database: ap",
            "config.unknown_reference",
            "migrations.database names database \"ap\" at tusk.yaml:1:25, which is not in"
                + " databases; did you mean 'app'?"),
        row("database: \"\"", "config.bad_value", "migrations.database must be a database name"),
        row("database: [app]", "config.bad_type", "migrations.database must be a single value"),
        row(
            "database: " + "d".repeat(64),
            "config.bad_value",
            "migrations.database must be a database name of 1-63 bytes"),
        row(
            "as_role: app_ownr",
            "config.unknown_role",
            "migrations.as_role names role \"app_ownr\" at tusk.yaml:1:24, which is neither in"
                + " roles nor postgres.superuser; did you mean 'app_owner'?"),
        row("as_role: pg_monitor", "config.bad_value", "does not start with pg_"),
        row("as_role: public", "config.bad_value", "a role name other than public or none"),
        row("as_role: null, database: nope", "config.unknown_reference", "\"nope\""),
        row(
            "auto_apply: yes",
            "config.bad_type",
            "migrations.auto_apply must be true or false, got \"yes\" at tusk.yaml:1:27"),
        row("allow_out_of_order: 1", "config.bad_type", "migrations.allow_out_of_order"),
        row("auto_apply: null", "config.bad_type", "migrations.auto_apply"),
        row("dir: null", "config.bad_type", "migrations.dir must be a file system path"),
        row("dir: \" \"", "config.bad_value", "migrations.dir must be a file system path"),
        row("dir: \"a\\0b\"", "config.bad_value", "migrations.dir must be a file system path"),
        row("tenant_dir: \"\"", "config.bad_value", "migrations.tenant_dir"),
        row(
            "dir: m, tenant_dir: ./m/",
            "config.bad_value",
            "migrations.tenant_dir at tusk.yaml:1:35 is the same directory as migrations.dir"),
        Arguments.of("migrations: ./migrations\n", "config.bad_type", "migrations must be a"),
        Arguments.of("migrations: [dir]\n", "config.bad_type", "migrations must be a mapping"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleNamesTheKeyAndThePlace(String text, String code, String message) {
    ConfigException e = f.fail(text);

    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message);
    assertThat(e.hint()).isPresent();
  }

  @Test
  void anUnknownKeyNamesTheClosestOne() {
    ConfigException e = f.fail(yaml("migrations:", "  dri: db"));

    assertThat(e.code()).isEqualTo("config.unknown_key");
    assertThat(e.getMessage())
        .isEqualTo("unknown key 'migrations.dri' at tusk.yaml:2:3; did you mean 'migrations.dir'?");
    assertThat(e.hint())
        .contains(
            "valid keys in migrations: dir, database, auto_apply, allow_out_of_order,"
                + " tenant_dir, as_role");
  }

  @Test
  void aTypoInAsRoleSuggestsTheRole() {
    ConfigException e = f.fail(yaml("migrations:", "  asrole: app_owner"));

    assertThat(e.getMessage()).contains("did you mean 'migrations.as_role'?");
  }

  @Test
  void aBadOverrideNamesTheVariable() {
    f.env("TUSK_MIGRATIONS_AUTO_APPLY", "sometimes");

    ConfigException e = f.failLoading(Optional.empty());

    assertThat(e.getMessage())
        .contains("migrations.auto_apply must be true or false, got \"sometimes\"")
        .contains("from environment variable TUSK_MIGRATIONS_AUTO_APPLY");
    assertThat(e.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("TUSK_MIGRATIONS_AUTO_APPLY"));
  }

  @Test
  void anEmptyNullableOverrideMeansTheDefault() {
    f.env("TUSK_MIGRATIONS_AS_ROLE", "").env("TUSK_MIGRATIONS_DATABASE", "");

    MigrationsConfig m = f.loadNoFile().migrations().orElseThrow();

    assertThat(m.database()).isEqualTo("app");
    assertThat(m.asRole()).isEqualTo("app_owner");
  }

  @Test
  void anEmptyDirOverrideIsRefusedNotDefaulted() {
    f.env("TUSK_MIGRATIONS_DIR", "");

    ConfigException e = f.failLoading(Optional.empty());

    assertThat(e.getMessage()).contains("migrations.dir").contains("TUSK_MIGRATIONS_DIR");
  }

  @Test
  void hostileValuesAreQuotedAndShortenedInErrors() {
    ConfigException e =
        f.fail(yaml("migrations:", "  as_role: \"evil\\nrole" + "x".repeat(300) + "\""));

    assertThat(e.getMessage()).contains("\"evil\\nrole").contains("...\"").doesNotContain("\n");
    assertThat(e.getMessage().length()).isLessThan(600);
  }
}
