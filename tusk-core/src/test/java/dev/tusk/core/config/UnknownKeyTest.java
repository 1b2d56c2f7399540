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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class UnknownKeyTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  static Stream<Arguments> unknownKeys() {
    return Stream.of(
        Arguments.of(
            yaml("postgress:", "  port: 5432"),
            "unknown key 'postgress' at tusk.yaml:1:1; did you mean 'postgres'?"),
        Arguments.of(
            yaml("postgres:", "  prot: 5432"),
            "unknown key 'postgres.prot' at tusk.yaml:2:3; did you mean 'postgres.port'?"),
        Arguments.of(
            yaml("postgres:", "  Port: 5432"),
            "unknown key 'postgres.Port' at tusk.yaml:2:3; did you mean 'postgres.port'?"),
        Arguments.of(
            yaml("postgres:", "  binDir: /usr/bin"),
            "unknown key 'postgres.binDir' at tusk.yaml:2:3; did you mean 'postgres.bin_dir'?"),
        Arguments.of(
            yaml("postgres:", "  tls:", "    mode: auto", "    cert: /x.pem"),
            "unknown key 'postgres.tls.cert' at tusk.yaml:4:5"),
        Arguments.of(
            yaml("postgres:", "  tls: { mode: files, key_flie: /k.pem }"),
            "unknown key 'postgres.tls.key_flie' at tusk.yaml:2:23;"
                + " did you mean 'postgres.tls.key_file'?"),
        Arguments.of(
            yaml("databases:", "  - nmae: app"),
            "unknown key 'databases[0].nmae' at tusk.yaml:2:5; did you mean 'databases[0].name'?"),
        Arguments.of(
            yaml(
                "databases:",
                "  - name: app",
                "    owner: postgres",
                "    grants: [{ role: postgres, schemas: [public], tabels: [select] }]"),
            "unknown key 'databases[0].grants[0].tabels' at tusk.yaml:4:51;"
                + " did you mean 'databases[0].grants[0].tables'?"),
        Arguments.of(
            yaml("roles: [{ name: a }, { name: b, logn: true }]"),
            "unknown key 'roles[1].logn' at tusk.yaml:1:33; did you mean 'roles[1].login'?"),
        Arguments.of(yaml("admin: { zzz: 1 }"), "unknown key 'admin.zzz' at tusk.yaml:1:10"),
        Arguments.of(
            yaml("api:", "  prot: 3000"),
            "unknown key 'api.prot' at tusk.yaml:2:3; did you mean 'api.port'?"),
        Arguments.of(
            yaml("api:", "  db-anon-role: web_anon"),
            "unknown key 'api.db-anon-role' at tusk.yaml:2:3;"
                + " did you mean 'api.anon_role' (PostgREST's db-anon-role)?"),
        Arguments.of(
            yaml("api:", "  DB_SCHEMAS: api"),
            "unknown key 'api.DB_SCHEMAS' at tusk.yaml:2:3;"
                + " did you mean 'api.schemas' (PostgREST's db-schemas)?"),
        Arguments.of(
            yaml("api:", "  jwt-secret: x"),
            "unknown key 'api.jwt-secret' at tusk.yaml:2:3;"
                + " did you mean 'api.jwt.secret' (PostgREST's jwt-secret)?"),
        Arguments.of(
            yaml("api:", "  server-port: 3000"),
            "unknown key 'api.server-port' at tusk.yaml:2:3;"
                + " did you mean 'api.port' (PostgREST's server-port)?"),
        Arguments.of(
            yaml("api:", "  jwt: { jwt-aud: x }"),
            "unknown key 'api.jwt.jwt-aud' at tusk.yaml:2:10;"
                + " did you mean 'api.jwt.audience' (PostgREST's jwt-aud)?"),
        Arguments.of(
            yaml("api:", "  jwt: { role-claim-key: x }"),
            "unknown key 'api.jwt.role-claim-key' at tusk.yaml:2:10;"
                + " did you mean 'api.jwt.role_claim_key' (PostgREST's role-claim-key)?"),
        Arguments.of(
            yaml("api:", "  jwt: { secrte: x }"),
            "unknown key 'api.jwt.secrte' at tusk.yaml:2:10; did you mean 'api.jwt.secret'?"),
        Arguments.of(
            yaml("api:", "  db-channel: pgrst"), "unknown key 'api.db-channel' at tusk.yaml:2:3"),
        Arguments.of(yaml("\"x = 1\\nfoo\": 1"), "unknown key 'x = 1\\nfoo' at tusk.yaml:1:1"));
  }

  @ParameterizedTest
  @MethodSource("unknownKeys")
  void unknownKeysNameTheKeyThePlaceAndTheClosestValidKey(String text, String message) {
    ConfigException e = f.fail(text);

    assertThat(e.code()).isEqualTo("config.unknown_key");
    assertThat(e.getMessage()).startsWith(message);
    if (!message.contains("did you mean")) {
      assertThat(e.getMessage()).doesNotContain("did you mean");
    }
  }

  @Test
  void theHintListsTheValidKeys() {
    ConfigException e = f.fail(yaml("postgres:", "  tls: { mod: auto }"));

    assertThat(e.hint())
        .contains("valid keys in postgres.tls: mode, dir, cert_file, key_file, ca_file");
  }

  @ParameterizedTest
  @CsvSource({"pooler,1", "backup,3"})
  void laterSectionsAreUnsupportedNotUnknown(String section, int line) {
    String text =
        List.of("cluster: {}\n", "admin: {}\n", "postgres: {}\n").stream()
            .limit(line - 1)
            .reduce("", String::concat);
    ConfigException e = f.fail(text + section + ":\n  enabled: true\n");

    assertThat(e.code()).isEqualTo("config.unsupported_section");
    assertThat(e.getMessage())
        .isEqualTo(
            "section '"
                + section
                + "' is not supported by this version of Tusk yet (at tusk.yaml:"
                + line
                + ":1)");
  }

  @Test
  void suggestionsFoldCaseAndSeparatorsAndAllowTranspositions() {
    List<String> keys = List.of("port", "bin_dir", "superuser_password", "listen");

    assertThat(Suggestions.closest("prot", keys)).contains("port");
    assertThat(Suggestions.closest("bin-dir", keys)).contains("bin_dir");
    assertThat(Suggestions.closest("superuserPassword", keys)).contains("superuser_password");
    assertThat(Suggestions.closest("lsiten", keys)).contains("listen");
    assertThat(Suggestions.closest("shared_buffers", keys)).isEmpty();
    assertThat(Suggestions.closest("x", keys)).isEmpty();
    assertThat(dev.tusk.core.util.EditDistance.of("ca", "abc")).isEqualTo(3);
    assertThat(dev.tusk.core.util.EditDistance.of("abcd", "acbd")).isEqualTo(1);
    assertThat(dev.tusk.core.util.EditDistance.of("", "abc")).isEqualTo(3);
  }
}
