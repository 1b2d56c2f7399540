package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDefaultsTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  @Test
  void noFileGivesTheDocumentedDefaults() {
    TuskConfig c = f.loadNoFile();

    assertThat(c.source()).isEmpty();
    assertThat(c.cluster()).isEqualTo(new ClusterConfig("db-app-dev", tmp.resolve("tusk-data")));
    PostgresConfig p = c.postgres();
    assertThat(p.version()).isEqualTo(18);
    assertThat(p.binDir()).isEmpty();
    assertThat(p.dataDir()).isEqualTo(tmp.resolve("tusk-data/pgdata"));
    assertThat(p.listen()).isEqualTo("127.0.0.1");
    assertThat(p.port()).isEqualTo(5432);
    assertThat(p.osUser()).isEqualTo("postgres");
    assertThat(p.superuser()).isEqualTo("postgres");
    assertThat(p.superuserPassword()).isEmpty();
    assertThat(p.parameters()).isEmpty();
    assertThat(p.tls())
        .isEqualTo(
            new TlsConfig(
                TlsMode.AUTO,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    assertThat(c.admin()).isEqualTo(new AdminConfig(true, "127.0.0.1", 8008));
    assertThat(c.tlsDir()).isEqualTo(tmp.resolve("tusk-data/tls"));
  }

  @Test
  void defaultDatabaseAndRolesAreTheBriefsPostgrestLayout() {
    TuskConfig c = f.loadNoFile();

    assertThat(c.databases())
        .containsExactly(
            new DatabaseConfig(
                "app",
                "app_owner",
                List.of(),
                List.of("pg_stat_statements"),
                List.of(),
                List.of()));
    assertThat(c.roles())
        .extracting(RoleConfig::name, RoleConfig::login, RoleConfig::inherit, RoleConfig::memberOf)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("app_owner", true, true, List.of()),
            org.assertj.core.groups.Tuple.tuple("api_anonymous", false, true, List.of()),
            org.assertj.core.groups.Tuple.tuple("api_user", false, true, List.of()),
            org.assertj.core.groups.Tuple.tuple(
                "authenticator", true, false, List.of("api_anonymous", "api_user")));
    assertThat(c.roles())
        .allSatisfy(
            r -> {
              assertThat(r.password()).isEmpty();
              assertThat(r.connectionLimit()).isEqualTo(-1);
            });
  }

  @Test
  void tuskYamlInTheWorkingDirectoryIsFoundWhenNoFileIsNamed() {
    f.write("tusk.yaml", yaml("postgres:", "  port: 6543"));

    TuskConfig c = f.loadNoFile();

    assertThat(c.postgres().port()).isEqualTo(6543);
    assertThat(c.source()).contains(tmp.resolve("tusk.yaml"));
  }

  @Test
  void emptyAndCommentOnlyFilesMeanDefaults() {
    TuskConfig defaults = f.loadNoFile();
    for (String text : List.of("", "# nothing here\n", "\n\n", "{}\n", "---\n")) {
      TuskConfig c = f.load(text);
      assertThat(c.source()).contains(tmp.resolve("tusk.yaml"));
      assertThat(c.postgres()).isEqualTo(defaults.postgres());
      assertThat(c.databases()).isEqualTo(defaults.databases());
      assertThat(c.roles()).isEqualTo(defaults.roles());
    }
  }

  @Test
  void emptySectionsMeanDefaults() {
    TuskConfig c = f.load(yaml("cluster:", "postgres:", "databases:", "roles:", "admin:"));

    assertThat(c.cluster().name()).isEqualTo("db-app-dev");
    assertThat(c.databases()).isEqualTo(ConfigDefaults.databases());
    assertThat(c.roles()).isEqualTo(ConfigDefaults.roles());
  }

  @Test
  void relativePathsResolveAgainstTheConfigFilesDirectory() {
    f.write(
        "deploy/tusk.yaml",
        yaml(
            "cluster: { home: ../state }",
            "databases: [{ name: app, owner: postgres, init_sql: [sql/001.sql] }]"));

    TuskConfig c = f.loader().load(Optional.of(Path.of("deploy/tusk.yaml")));

    assertThat(c.source()).contains(tmp.resolve("deploy/tusk.yaml"));
    assertThat(c.home()).isEqualTo(tmp.resolve("state"));
    assertThat(c.postgres().dataDir()).isEqualTo(tmp.resolve("state/pgdata"));
    assertThat(c.databases().get(0).initSql()).containsExactly(tmp.resolve("deploy/sql/001.sql"));
  }

  @Test
  void dataDirFollowsHomeUnlessSet() {
    assertThat(f.load(yaml("cluster: { home: /srv/tusk }")).postgres().dataDir())
        .isEqualTo(Path.of("/srv/tusk/pgdata"));
    assertThat(
            f.load(yaml("cluster: { home: /srv/tusk }", "postgres: { data_dir: /data/pg }"))
                .postgres()
                .dataDir())
        .isEqualTo(Path.of("/data/pg"));
    assertThat(f.load(yaml("postgres: { data_dir: ./x/../pg/ }")).postgres().dataDir())
        .isEqualTo(tmp.resolve("pg"));
  }

  @Test
  void aNamedFileThatDoesNotExistIsAnError() {
    ConfigException e = f.failLoading(Optional.of(Path.of("nope.yaml")));

    assertThat(e.code()).isEqualTo("config.missing_file");
    assertThat(e.getMessage()).contains("nope.yaml").contains("does not exist");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("tusk init"));
    assertThat(e.exitCode()).isEqualTo(2);
  }

  @Test
  void aDirectoryIsNotAConfigFile() {
    f.write("conf.d/x", "");

    ConfigException e = f.failLoading(Optional.of(Path.of("conf.d")));

    assertThat(e.code()).isEqualTo("config.unreadable_file");
    assertThat(e.getMessage()).contains("is a directory");
  }

  @Test
  void rolesWithoutTheDefaultDatabasesOwnerIsAnErrorThatExplainsTheDefault() {
    ConfigException e = f.fail(yaml("roles: [{ name: web }]"));

    assertThat(e.code()).isEqualTo("config.unknown_role");
    assertThat(e.getMessage())
        .contains("default database 'app'")
        .contains("'app_owner'")
        .contains("no databases section");
  }

  @Test
  void aSuperuserNamedLikeADefaultRoleIsAnErrorWhenRolesAreDefaulted() {
    ConfigException e = f.fail(yaml("postgres: { superuser: authenticator }"));

    assertThat(e.code()).isEqualTo("config.bad_value");
    assertThat(e.getMessage()).contains("'authenticator'").contains("default role");
  }

  @Test
  void explicitEmptyListsAreKept() {
    TuskConfig c = f.load(yaml("databases: []", "roles: []"));

    assertThat(c.databases()).isEmpty();
    assertThat(c.roles()).isEmpty();
  }
}
