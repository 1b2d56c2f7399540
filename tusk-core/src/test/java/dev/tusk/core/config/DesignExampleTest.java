package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tusk.yaml of DESIGN.md, limited to the sections this version reads. */
class DesignExampleTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
    f.env("TUSK_SUPERUSER_PASSWORD", "su").env("TUSK_AUTHENTICATOR_PASSWORD", "auth");
  }

  /**
   * DESIGN.md's example has {@code password: ${env:...}} unquoted inside a flow mapping, which YAML
   * cannot parse ('{' and '}' are flow indicators); {@code quote} says whether to quote it.
   */
  static String design(String extraRole, boolean quote) {
    String ref =
        quote ? "\"${env:TUSK_AUTHENTICATOR_PASSWORD}\"" : "${env:TUSK_AUTHENTICATOR_PASSWORD}";
    return yaml(
        "cluster:",
        "  name: db-app-dev                # db-{service}-{environment}",
        "postgres:",
        "  version: 18                     # embedded binaries; or:",
        "  bin_dir: null",
        "  data_dir: ./tusk-data/pgdata",
        "  listen: 127.0.0.1",
        "  port: 5432",
        "  os_user: postgres",
        "  superuser: postgres",
        "  superuser_password: ${env:TUSK_SUPERUSER_PASSWORD}",
        "  parameters: { shared_buffers: 256MB, max_connections: 100 }",
        "  tls: { mode: auto }",
        "databases:",
        "  - name: app",
        "    owner: app_owner",
        "    schemas: [identity, content, media]",
        "    extensions: [pgcrypto, uuid-ossp, pg_stat_statements]",
        "    init_sql: [sql/001-init.sql]",
        "roles:",
        extraRole,
        "  - { name: api_anonymous, login: false }",
        "  - { name: api_user, login: false }",
        "  - { name: authenticator, login: true, password: " + ref + ", inherit: false,",
        "      member_of: [api_anonymous, api_user] }",
        "admin:",
        "  port: 8008");
  }

  @Test
  void theDesignExampleLoadsOnceItsOwnerRoleExists() {
    TuskConfig c = f.load(design("  - { name: app_owner, login: true }", true));

    assertThat(c.postgres().dataDir()).isEqualTo(tmp.resolve("tusk-data/pgdata"));
    assertThat(c.postgres().superuserPassword())
        .contains(new Secret("su", "env:TUSK_SUPERUSER_PASSWORD"));
    assertThat(c.postgres().parameters())
        .isEqualTo(Map.of("shared_buffers", "256MB", "max_connections", "100"));
    assertThat(c.databases().get(0).extensions())
        .isEqualTo(List.of("pgcrypto", "uuid-ossp", "pg_stat_statements"));
    assertThat(c.roles().get(3).password())
        .contains(new Secret("auth", "env:TUSK_AUTHENTICATOR_PASSWORD"));
    assertThat(c.roles().get(3).memberOf()).containsExactly("api_anonymous", "api_user");
  }

  /** DESIGN.md's api section, with its references quoted. */
  static final String DESIGN_API =
      yaml(
          "api:",
          "  enabled: true",
          "  port: 3000",
          "  database: app",
          "  user: authenticator             # a non-superuser login role",
          "  password: ${env:TUSK_AUTHENTICATOR_PASSWORD}",
          "  db_uri: null                    # instead of database/user/password",
          "  schemas: [content, identity]    # first is the default",
          "  anon_role: api_anonymous        # absent: anonymous requests are refused",
          "  jwt: { secret: \"${env:TUSK_JWT_SECRET}\", jwks_file: null, jwks_url: null,"
              + " audience: null, role_claim_key: .role }",
          "  max_rows: 1000",
          "  pre_request: null",
          "  tx_end: commit                  # commit | commit-allow-override | rollback |"
              + " rollback-allow-override");

  @Test
  void theDesignApiSectionLoads() {
    f.env("TUSK_JWT_SECRET", "a-jwt-secret-of-at-least-32-chars!");

    TuskConfig c = f.load(design("  - { name: app_owner, login: true }", true) + DESIGN_API);

    ApiConfig api = c.api().orElseThrow();
    assertThat(api.enabled()).isTrue();
    assertThat(api.user()).isEqualTo("authenticator");
    assertThat(api.password()).contains(new Secret("auth", "env:TUSK_AUTHENTICATOR_PASSWORD"));
    assertThat(api.schemas()).containsExactly("content", "identity");
    assertThat(api.anonRole()).contains("api_anonymous");
    assertThat(api.jwt().secret())
        .contains(new Secret("a-jwt-secret-of-at-least-32-chars!", "env:TUSK_JWT_SECRET"));
    assertThat(api.maxRows()).contains(1000);
    assertThat(api.txEnd()).isEqualTo(TxEnd.COMMIT);
  }

  @Test
  void theDesignMigrationsSectionLoads() {
    TuskConfig c =
        f.load(
            design("  - { name: app_owner, login: true }", true)
                + yaml("migrations:", "  dir: ./migrations", "  database: app"));

    MigrationsConfig m = c.migrations().orElseThrow();
    assertThat(m.dir()).isEqualTo(tmp.resolve("migrations"));
    assertThat(m.database()).isEqualTo("app");
    assertThat(m.asRole()).isEqualTo("app_owner");
    assertThat(m.autoApply()).isTrue();
  }

  @Test
  void asWrittenInTheDesignTheOwnerRoleIsMissing() {
    ConfigException e = f.fail(design("  - { name: api_owner_unrelated }", true));

    assertThat(e.code()).isEqualTo("config.unknown_role");
    assertThat(e.getMessage()).contains("databases[0].owner names role \"app_owner\"");
  }

  @Test
  void anUnquotedReferenceInAFlowMappingGetsAHintToQuoteIt() {
    ConfigException e = f.fail(design("  - { name: app_owner, login: true }", false));

    assertThat(e.code()).isEqualTo("config.parse_error");
    assertThat(e.getMessage()).startsWith("cannot parse tusk.yaml:24:");
    assertThat(e.hint())
        .contains("inside { } or [ ] a ${...} reference must be quoted: \"${env:NAME}\"");
  }
}
