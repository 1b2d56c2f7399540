package dev.tusk.cli.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The scaffolded tusk.yaml is valid YAML, uses only the sections and keys this version supports,
 * documents every supported key, and sets up the seed role model.
 */
class ScaffoldTemplateTest {

  /** The supported config, section by section (this version has no pooler, backup...). */
  private static final Set<String> CLUSTER = Set.of("name", "home");

  private static final Set<String> POSTGRES =
      Set.of(
          "version",
          "bin_dir",
          "data_dir",
          "listen",
          "port",
          "os_user",
          "superuser",
          "superuser_password",
          "parameters",
          "tls");
  private static final Set<String> TLS = Set.of("mode", "dir", "cert_file", "key_file", "ca_file");
  private static final Set<String> DATABASE =
      Set.of("name", "owner", "schemas", "extensions", "init_sql", "grants");
  private static final Set<String> GRANT =
      Set.of("role", "schemas", "tables", "sequences", "functions");
  private static final Set<String> ROLE =
      Set.of("name", "login", "inherit", "password", "member_of", "connection_limit");
  private static final Set<String> ADMIN = Set.of("enabled", "listen", "port");
  private static final Set<String> API =
      Set.of(
          "enabled",
          "listen",
          "port",
          "database",
          "user",
          "password",
          "db_uri",
          "schemas",
          "anon_role",
          "jwt",
          "max_rows",
          "pre_request",
          "tx_end",
          "aggregates",
          "max_body_bytes",
          "plan_enabled",
          "pool_size",
          "cors_origins",
          "server_timing");
  private static final Set<String> JWT =
      Set.of(
          "secret",
          "secret_is_base64",
          "jwks_file",
          "jwks_url",
          "audience",
          "role_claim_key",
          "cookie",
          "clock_skew_seconds");

  @TempDir Path dir;

  private String text;
  private Map<String, Object> yaml;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void scaffold() throws IOException {
    new Scaffold().create(dir);
    text = Files.readString(dir.resolve("tusk.yaml"));
    LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).build();
    yaml = (Map<String, Object>) new Load(settings).loadFromString(text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    assertThat(o).isInstanceOf(Map.class);
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    assertThat(o).isInstanceOf(List.class);
    return (List<Object>) o;
  }

  @Test
  void hasExactlyTheSixSupportedSections() {
    assertThat(yaml.keySet())
        .containsExactly("cluster", "postgres", "databases", "roles", "api", "admin");
  }

  @Test
  void usesOnlySupportedKeys() {
    assertThat(CLUSTER).containsAll(map(yaml.get("cluster")).keySet());
    Map<String, Object> postgres = map(yaml.get("postgres"));
    assertThat(POSTGRES).containsAll(postgres.keySet());
    assertThat(TLS).containsAll(map(postgres.get("tls")).keySet());
    for (Object database : list(yaml.get("databases"))) {
      assertThat(DATABASE).containsAll(map(database).keySet());
      for (Object grant : list(map(database).get("grants"))) {
        assertThat(GRANT).containsAll(map(grant).keySet());
      }
    }
    for (Object role : list(yaml.get("roles"))) {
      assertThat(ROLE).containsAll(map(role).keySet());
    }
    assertThat(ADMIN).containsAll(map(yaml.get("admin")).keySet());
    Map<String, Object> api = map(yaml.get("api"));
    assertThat(API).containsAll(api.keySet());
    assertThat(JWT).containsAll(map(api.get("jwt")).keySet());
  }

  @Test
  void commentsEverySupportedKey() {
    for (Set<String> keys :
        List.of(CLUSTER, POSTGRES, TLS, DATABASE, GRANT, ROLE, ADMIN, API, JWT)) {
      for (String key : keys) {
        // The key, set or commented out, with a comment after it on the same line.
        assertThat(text).as(key).containsPattern("(?m)^[ #-]*" + key + ":[^\\n#]*#");
      }
    }
    for (String section : yaml.keySet()) {
      assertThat(text).as(section).containsPattern("(?m)^" + section + ":[^\\n#]*#");
    }
  }

  @Test
  void leavesSecretsUnsetSoNoEnvironmentVariableIsNeeded() {
    assertThat(map(yaml.get("postgres"))).doesNotContainKey("superuser_password");
    for (Object role : list(yaml.get("roles"))) {
      assertThat(map(role)).doesNotContainKey("password");
    }
    assertThat(text).doesNotContainPattern("(?m)^[^#]*\\$\\{");
    assertThat(text).contains("# superuser_password: ${env:TUSK_SUPERUSER_PASSWORD}");
    assertThat(text).contains("# password: ${env:TUSK_AUTHENTICATOR_PASSWORD}");
    assertThat(map(map(yaml.get("api")).get("jwt"))).doesNotContainKey("secret");
    assertThat(text).contains("# secret: ${env:TUSK_JWT_SECRET}");
  }

  @Test
  void servesTheContentSchemasAnonymouslyThroughTheAuthenticator() {
    Map<String, Object> api = map(yaml.get("api"));
    assertThat(api.get("enabled")).isEqualTo(true);
    assertThat(api.get("database")).isEqualTo("app");
    assertThat(api.get("user")).isEqualTo("authenticator");
    assertThat(api.get("anon_role")).isEqualTo("api_anonymous");
    assertThat(api.get("schemas")).isEqualTo(List.of("content", "identity"));
  }

  @Test
  void setsUpTheSeedRoleModel() {
    Map<String, Map<String, Object>> roles = new java.util.LinkedHashMap<>();
    for (Object role : list(yaml.get("roles"))) {
      roles.put((String) map(role).get("name"), map(role));
    }
    assertThat(roles.keySet())
        .containsExactly(
            "api_anonymous",
            "api_user",
            "api_editor",
            "api_admin",
            "api_service_worker",
            "authenticator",
            "app_owner");
    roles.forEach(
        (name, role) -> {
          if (name.startsWith("api_")) {
            assertThat(role.get("login")).as(name).isEqualTo(false);
          }
        });
    assertThat(roles.get("api_editor").get("member_of")).isEqualTo(List.of("api_user"));
    assertThat(roles.get("api_admin").get("member_of")).isEqualTo(List.of("api_editor"));
    Map<String, Object> authenticator = roles.get("authenticator");
    assertThat(authenticator.get("login")).isEqualTo(true);
    assertThat(authenticator.get("inherit")).isEqualTo(false);
    assertThat(list(authenticator.get("member_of")))
        .containsExactlyInAnyOrderElementsOf(
            roles.keySet().stream().filter(n -> n.startsWith("api_")).toList());
    assertThat(roles.get("app_owner").get("login")).isEqualTo(true);
  }

  @Test
  void definesDatabaseAppOwnedByAppOwnerWithGrants() {
    List<Object> databases = list(yaml.get("databases"));
    assertThat(databases).hasSize(1);
    Map<String, Object> app = map(databases.get(0));
    assertThat(app.get("name")).isEqualTo("app");
    assertThat(app.get("owner")).isEqualTo("app_owner");
    assertThat(app.get("schemas")).isEqualTo(List.of("content", "identity"));
    assertThat(app.get("extensions")).isEqualTo(List.of("pgcrypto", "pg_stat_statements"));
    assertThat(app.get("init_sql")).isEqualTo(List.of("sql/001-init.sql"));
    List<Object> grants = list(app.get("grants"));
    assertThat(grants).hasSize(2);
    Map<String, Object> user = map(grants.get(0));
    assertThat(user.get("role")).isEqualTo("api_user");
    assertThat(user.get("schemas")).isEqualTo(List.of("content"));
    assertThat(user.get("tables")).isEqualTo(List.of("SELECT", "INSERT", "UPDATE", "DELETE"));
    Map<String, Object> anonymous = map(grants.get(1));
    assertThat(anonymous.get("role")).isEqualTo("api_anonymous");
    assertThat(anonymous.get("schemas")).isEqualTo(List.of("content"));
    assertThat(anonymous.get("tables")).isEqualTo(List.of("SELECT"));
  }

  @Test
  void referencesOnlyRolesAndFilesThatExist() {
    Set<Object> roleNames =
        list(yaml.get("roles")).stream()
            .map(r -> map(r).get("name"))
            .collect(java.util.stream.Collectors.toSet());
    for (Object role : list(yaml.get("roles"))) {
      Object memberOf = map(role).get("member_of");
      if (memberOf != null) {
        assertThat(roleNames).containsAll(list(memberOf));
      }
    }
    for (Object database : list(yaml.get("databases"))) {
      assertThat(roleNames).contains(map(database).get("owner"));
      for (Object grant : list(map(database).get("grants"))) {
        assertThat(roleNames).contains(map(grant).get("role"));
        assertThat(list(map(database).get("schemas"))).containsAll(list(map(grant).get("schemas")));
      }
      for (Object script : list(map(database).get("init_sql"))) {
        assertThat(dir.resolve((String) script)).isRegularFile();
      }
    }
  }

  @Test
  void usesLoopbackAndDefaultPorts() {
    Map<String, Object> postgres = map(yaml.get("postgres"));
    assertThat(postgres.get("listen")).isEqualTo("127.0.0.1");
    assertThat(postgres.get("port")).isEqualTo(5432);
    assertThat(map(postgres.get("tls")).get("mode")).isEqualTo("auto");
    Map<String, Object> admin = map(yaml.get("admin"));
    assertThat(admin.get("listen")).isEqualTo("127.0.0.1");
    assertThat(admin.get("port")).isEqualTo(8008);
    Map<String, Object> api = map(yaml.get("api"));
    assertThat(api.get("listen")).isEqualTo("127.0.0.1");
    assertThat(api.get("port")).isEqualTo(3000);
  }
}
