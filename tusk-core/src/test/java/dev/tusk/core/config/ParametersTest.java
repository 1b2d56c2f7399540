package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code postgres.parameters}: everything in it ends up in postgresql.conf. */
class ParametersTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  private Map<String, String> parameters(String... lines) {
    String[] all = new String[lines.length + 2];
    all[0] = "postgres:";
    all[1] = "  parameters:";
    for (int i = 0; i < lines.length; i++) {
      all[i + 2] = "    " + lines[i];
    }
    return f.load(yaml(all)).postgres().parameters();
  }

  @Test
  void valuesAreRenderedAsWrittenAndKeepTheirOrder() {
    Map<String, String> p =
        parameters(
            "work_mem: 64MB",
            "max_connections: 100",
            "random_page_cost: 1.1",
            "jit: off",
            "log_connections: true",
            "pg_stat_statements.max: 5000",
            "search_path: '\"$user\", public'",
            "shared_buffers: 256MB");

    assertThat(p)
        .containsExactly(
            Map.entry("work_mem", "64MB"),
            Map.entry("max_connections", "100"),
            Map.entry("random_page_cost", "1.1"),
            Map.entry("jit", "off"),
            Map.entry("log_connections", "true"),
            Map.entry("pg_stat_statements.max", "5000"),
            Map.entry("search_path", "\"$user\", public"),
            Map.entry("shared_buffers", "256MB"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"x = 1\\nfoo\"",
        "\"x = 1\"",
        "Shared_Buffers",
        "\"a b\"",
        "1abc",
        "\"x;y\"",
        "\"\"",
        "\"a'b\"",
        "\"work_mem#\"",
        "\"ssl\\r\"",
        "\"\\u00e9t\\u00e9\""
      })
  void hostileParameterNamesAreRefused(String key) {
    ConfigException e = f.fail(yaml("postgres:", "  parameters:", "    " + key + ": 1"));

    assertThat(e.code()).isEqualTo("config.bad_value");
    assertThat(e.getMessage())
        .contains("is not a PostgreSQL parameter name")
        .contains("tusk.yaml:3:5")
        .doesNotContain("\n");
  }

  @Test
  void aSixtyFourCharacterNameIsRefused() {
    ConfigException e = f.fail(yaml("postgres: { parameters: { " + "a".repeat(64) + ": 1 } }"));

    assertThat(e.code()).isEqualTo("config.bad_value");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "x: null | config.bad_type | postgres.parameters.x must be a value",
        "x: [1, 2] | config.bad_type | postgres.parameters.x must be a single value, got a list",
        "x: { a: 1 } | config.bad_type | got a mapping",
        "x: \"a\\nb\" | config.bad_value | a single line without control characters",
        "x: \"a\\0b\" | config.bad_value | a single line",
        "port: 5433 | config.bad_value | postgres.parameters.port at tusk.yaml:3:5 is set by"
            + " postgres.port",
        "listen_addresses: '*' | config.bad_value | is set by postgres.listen",
        "ssl: on | config.bad_value | is set by postgres.tls.mode",
        "hba_file: /tmp/x | config.bad_value | it writes pg_hba.conf",
        "data_directory: /x | config.bad_value | postgres.data_dir"
      })
  void badValuesAndOwnedSettingsAreRefused(String line, String code, String message) {
    ConfigException e = f.fail(yaml("postgres:", "  parameters:", "    " + line));

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message);
  }

  @Test
  void parametersMustBeAMapping() {
    ConfigException e = f.fail(yaml("postgres:", "  parameters: [work_mem=1MB]"));

    assertThat(e.code()).isEqualTo("config.bad_type");
    assertThat(e.getMessage()).contains("postgres.parameters must be a mapping");
  }
}
