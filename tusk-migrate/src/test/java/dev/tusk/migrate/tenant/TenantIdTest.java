package dev.tusk.migrate.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "acme", "acme_2", "a1_b2_c3", "x_"})
  void acceptsLowercaseNamesAndDerivesTheSchemaAndRole(String text) {
    TenantId id = TenantId.parse(text);

    assertThat(id.value()).isEqualTo(text);
    assertThat(id.schema()).isEqualTo("tenant_" + text);
    assertThat(id.role()).isEqualTo("app_tenant_" + text);
  }

  @Test
  void theLongestIdStillFitsPostgresNames() {
    TenantId id = TenantId.parse("a".repeat(52));

    assertThat(id.role().getBytes(StandardCharsets.UTF_8)).hasSize(63);
    assertThat(TenantId.MAX_LENGTH).isEqualTo(52);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "``| tenant id \"\" is not valid: it is empty",
        "../x| tenant id \"../x\" is not valid: it contains '.' (only lowercase letters a-z,"
            + " digits and _)",
        "a;drop| tenant id \"a;drop\" is not valid: it contains ';' (only lowercase letters a-z,"
            + " digits and _)",
        "Acme Corp| tenant id \"Acme Corp\" is not valid: uppercase letters are not allowed (only"
            + " lowercase letters a-z, digits and _)",
        "acMe| tenant id \"acMe\" is not valid: uppercase letters are not allowed (only lowercase"
            + " letters a-z, digits and _)",
        "\"quoted\"| tenant id \"\\\"quoted\\\"\" is not valid: it contains '\"' (only lowercase"
            + " letters a-z, digits and _)",
        "1abc| tenant id \"1abc\" is not valid: it must start with a letter a-z",
        "_abc| tenant id \"_abc\" is not valid: it must start with a letter a-z",
        "a b| tenant id \"a b\" is not valid: it contains ' ' (only lowercase letters a-z, digits"
            + " and _)",
        "a-b| tenant id \"a-b\" is not valid: it contains '-' (only lowercase letters a-z, digits"
            + " and _)",
        "café| tenant id \"café\" is not valid: it contains the character U+00E9 (only lowercase"
            + " letters a-z, digits and _)",
      })
  void refusesEverythingElseNamingTheRule(String text, String message) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> TenantId.parse(text));

    assertThat(e.code()).isEqualTo("tenant.bad_id");
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).isEqualTo(message.strip());
    assertThat(e.hint()).get().asString().contains("1 to 52 characters");
  }

  @Test
  void tooLongAndControlCharactersAreRefusedAndShownSafely() {
    ConfigException longer =
        catchThrowableOfType(ConfigException.class, () -> TenantId.parse("a".repeat(100)));
    ConfigException control =
        catchThrowableOfType(ConfigException.class, () -> TenantId.parse("a\u001b[31mred\nx"));

    assertThat(longer.getMessage())
        .isEqualTo(
            "tenant id \""
                + "a".repeat(60)
                + "...\" is not valid: it is 100 characters long, over 52 (app_tenant_<id> must"
                + " fit PostgreSQL's 63-byte names)");
    assertThat(control.getMessage())
        .isEqualTo(
            "tenant id \"a\\u001b[31mred\\u000ax\" is not valid: it contains the character U+001B"
                + " (only lowercase letters a-z, digits and _)");
    assertThat(control.getMessage()).doesNotContain("\u001b").doesNotContain("\n");
  }
}
