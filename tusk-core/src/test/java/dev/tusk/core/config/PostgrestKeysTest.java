package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which PostgREST settings are read, which are accepted with a warning, which are errors; and files
 * that are not PostgREST configs at all.
 */
class PostgrestKeysTest {

  static final String BASE = "db-uri = \"postgres://a@h/d\"\ndb-anon-role = \"anon\"\n";

  @TempDir Path tmp;
  Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() {
    env.clear();
  }

  PostgrestConfig loadBytes(byte[] bytes) throws Exception {
    Files.write(tmp.resolve("postgrest.conf"), bytes);
    return PostgrestConfig.load(Optional.of(Path.of("postgrest.conf")), env, tmp);
  }

  PostgrestConfig load(String text) throws Exception {
    return loadBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  ConfigException failBytes(byte[] bytes) throws Exception {
    Files.write(tmp.resolve("postgrest.conf"), bytes);
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(() -> PostgrestConfig.load(Optional.of(Path.of("postgrest.conf")), env, tmp))
        .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
    return caught[0];
  }

  ConfigException fail(String text) throws Exception {
    return failBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> unknownKeys() {
    return Stream.of(
        Arguments.of(
            "db-anon-rol = \"x\"",
            "unknown PostgREST setting 'db-anon-rol' at postgrest.conf:3:1; did you mean"
                + " 'db-anon-role'?"),
        Arguments.of(
            "anon_role = \"x\"",
            "unknown PostgREST setting 'anon_role' at postgrest.conf:3:1; did you mean"
                + " 'db-anon-role'?"),
        Arguments.of(
            "jwt-secret-base64 = true",
            "unknown PostgREST setting 'jwt-secret-base64' at postgrest.conf:3:1; did you mean"
                + " 'jwt-secret-is-base64'?"),
        Arguments.of("zzz = 1", "unknown PostgREST setting 'zzz' at postgrest.conf:3:1"),
        Arguments.of(
            "app.settings. = 1", "unknown PostgREST setting 'app.settings.' at postgrest.conf:3:1"),
        Arguments.of(
            "k" + "x".repeat(10_000) + " = 1",
            "unknown PostgREST setting 'k" + "x".repeat(79) + "...' at postgrest.conf:3:1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unknownKeys")
  void unknownSettingsAreErrorsNamingTheClosestKnownOne(String line, String message)
      throws Exception {
    ConfigException e = fail(BASE + line + "\n");

    assertThat(e.code()).isEqualTo("config.unknown_key");
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.hint())
        .hasValueSatisfying(h -> assertThat(h).contains("db-anon-role").contains("jwt-secret"));
  }

  @Test
  void knownButUnimplementedSettingsAreAcceptedWithAWarning() throws Exception {
    env.put("PGRST_LOG_LEVEL", "info");
    env.put("PGRST_APP_SETTINGS_FOO", "bar");
    env.put("PGRST_DB_URL", "postgres://x@y/z");
    env.put("PGRST_SOMETHING_ELSE", "1");
    env.put("PATH", "/usr/bin");

    PostgrestConfig c =
        load(
            BASE
                + """
                log-level = "info"
                db-channel-enabled = false
                app.settings.jwt_secret = "s"
                app { settings { other = "o" } }
                openapi-mode = "disabled"
                """);

    assertThat(c.warnings())
        .containsExactly(
            "PostgREST setting log-level at postgrest.conf:3:1 is not implemented by Tusk and is"
                + " ignored",
            "PostgREST setting db-channel-enabled at postgrest.conf:4:1 is not implemented by Tusk"
                + " and is ignored",
            "PostgREST setting app.settings.jwt_secret at postgrest.conf:5:1 is not implemented"
                + " by Tusk and is ignored",
            "PostgREST setting app.settings.other at postgrest.conf:6:18 is not implemented by"
                + " Tusk and is ignored",
            "PostgREST setting openapi-mode at postgrest.conf:7:1 is not implemented by Tusk and"
                + " is ignored",
            "PostgREST setting app.settings.FOO from environment variable PGRST_APP_SETTINGS_FOO"
                + " is not implemented by Tusk and is ignored",
            "environment variable PGRST_DB_URL is not a PostgREST setting and is ignored; did you"
                + " mean PGRST_DB_URI?",
            "PostgREST setting log-level from environment variable PGRST_LOG_LEVEL is not"
                + " implemented by Tusk and is ignored",
            "environment variable PGRST_SOMETHING_ELSE is not a PostgREST setting and is"
                + " ignored");
  }

  @Test
  void aSettingGivenTwiceTakesTheLastValueAndSaysSo() throws Exception {
    PostgrestConfig c = load(BASE + "db-pool = 3\ndb-pool = 4\n");

    assertThat(c.api().poolSize()).isEqualTo(4);
    assertThat(c.warnings())
        .containsExactly(
            "db-pool is set twice; the value at postgrest.conf:4:1 replaces the one at"
                + " postgrest.conf:3:1");
  }

  @Test
  void everyImplementedKeyHasATuskKeyAndEveryAliasIsImplemented() {
    for (String target : PostgrestKeys.TUSK_NAMES.values()) {
      String[] parts = target.split("\\.");
      String section = parts.length == 1 ? "api" : "api." + parts[0];
      String leaf = parts[parts.length - 1];
      boolean registry = ConfigOption.in(section).stream().anyMatch(o -> o.leaf().equals(leaf));
      assertThat(registry || ApiSection.NESTED.contains(leaf)).as(target).isTrue();
    }
    PostgrestKeys.ALIASES.forEach(
        (main, alias) -> {
          assertThat(PostgrestKeys.TUSK_NAMES).containsKeys(main, alias);
          assertThat(PostgrestKeys.TUSK_NAMES.get(main))
              .isEqualTo(PostgrestKeys.TUSK_NAMES.get(alias));
        });
    assertThat(PostgrestKeys.IGNORED)
        .doesNotContainAnyElementsOf(PostgrestKeys.TUSK_NAMES.keySet());
    assertThat(PostgrestKeys.envName("db-max-rows")).isEqualTo("PGRST_DB_MAX_ROWS");
    assertThat(PostgrestKeys.keyOfEnv("PGRST_DB_SCHEMA")).contains("db-schema");
    assertThat(PostgrestKeys.keyOfEnv("PGRST_DB_PLAN_ENABLED")).contains("db-plan-enabled");
    assertThat(PostgrestKeys.keyOfEnv("PGRST_NOPE")).isEmpty();
  }

  @Test
  void aHugeFileIsRefusedBeforeParsing() throws Exception {
    byte[] huge = new byte[PostgrestConfig.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(huge, (byte) '#');

    ConfigException e = failBytes(huge);

    assertThat(e.code()).isEqualTo("config.too_large");
    assertThat(e.getMessage())
        .startsWith("PostgREST config file postgrest.conf is larger than 1024 KiB");
  }

  @Test
  void binaryAndNonUtf8FilesAreRefused() throws Exception {
    assertThat(failBytes(new byte[] {'a', ' ', '=', ' ', 0, 1, 2}).getMessage())
        .contains("contains the control character U+0000 at line 1, column 5");
    assertThat(failBytes(new byte[] {'a', ' ', '=', ' ', '"', (byte) 0xff, '"'}).getMessage())
        .contains("is not valid UTF-8: bad byte 0xff at line 1");
    byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
    assertThat(failBytes(gzip).code()).isEqualTo("config.parse_error");
  }

  @Test
  void aMissingFileOrADirectoryIsNamed() throws Exception {
    assertThatThrownBy(() -> PostgrestConfig.load(Optional.of(Path.of("nope.conf")), env, tmp))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("config.missing_file");
              assertThat(e.getMessage()).contains("PostgREST config file nope.conf does not exist");
            });

    Files.createDirectories(tmp.resolve("dir.conf"));
    assertThatThrownBy(() -> PostgrestConfig.load(Optional.of(Path.of("dir.conf")), env, tmp))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("config.unreadable_file"));
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    byte[] text = ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_8);

    assertThat(loadBytes(text).api().anonRole()).contains("anon");
  }
}
