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
