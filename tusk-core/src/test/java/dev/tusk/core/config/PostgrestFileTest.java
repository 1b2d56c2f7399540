package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PostgREST's config file syntax (configurator-pg), parsed with no file system involved. */
class PostgrestFileTest {

  static List<PostgrestFile.Binding> parse(String text, Map<String, String> env) {
    return PostgrestFile.parse(text, "postgrest.conf", env);
  }

  static List<String> pairs(String text, Map<String, String> env) {
    return parse(text, env).stream().map(b -> b.key() + "=" + b.text()).toList();
  }

  @Test
  void bindingsCommentsNumbersAndBooleans() {
    String text =
        """
        # postgrest.conf
        db-uri       = "postgres://user:pass@host:5432/dbname"   # the authenticator
          db-pool = 20
        jwt-secret-is-base64 = false
        server-timing-enabled = on
        db-plan-enabled=off
        db-max-rows = -5
        ratio = 1.5e3
        db-aggregates-enabled = true
        """;

    assertThat(pairs(text, Map.of()))
        .containsExactly(
            "db-uri=postgres://user:pass@host:5432/dbname",
            "db-pool=20",
            "jwt-secret-is-base64=false",
            "server-timing-enabled=true",
            "db-plan-enabled=false",
            "db-max-rows=-5",
            "ratio=1.5e3",
            "db-aggregates-enabled=true");
    PostgrestFile.Binding pool = parse(text, Map.of()).get(1);
    assertThat(pool.keyAt()).hasToString("postgrest.conf:3:3");
    assertThat(pool.valueAt()).hasToString("postgrest.conf:3:13");
  }

  @Test
  void stringEscapes() {
    assertThat(pairs("a = \"q\\\"b\\\\c\\/d\\n\\t\\u0041\\b\\f\\r\"", Map.of()))
        .containsExactly("a=q\"b\\c/d\n\tA\b\f\r");
  }

  @Test
  void interpolationReadsEarlierSettingsThenTheEnvironment() {
    List<PostgrestFile.Binding> b =
        parse(
            "base = \"B\"\na = \"x$(X)y$$z\"\nb = \"$(base)!$(X)\"\nc = \"cost: $$5\"\n",
            Map.of("X", "1", "base", "from-env"));

    assertThat(b.stream().map(PostgrestFile.Binding::text))
        .containsExactly("B", "x1y$z", "B!1", "cost: $5");
    assertThat(b.stream().map(PostgrestFile.Binding::source))
        .containsExactly("literal", "env:X", "env:X", "literal");
  }

  @Test
  void interpolatedTextIsNotScannedAgain() {
    assertThat(pairs("a = \"$(X)\"", Map.of("X", "$(Y) $$"))).containsExactly("a=$(Y) $$");
  }

  @Test
  void groupsPrefixTheirKeys() {
    String text =
        """
        app {
          settings {
            jwt_secret = "s"   # app.settings.jwt_secret
          }
          x = 1
        }
        app.settings.other = "o"
        """;

    assertThat(pairs(text, Map.of()))
        .containsExactly("app.settings.jwt_secret=s", "app.x=1", "app.settings.other=o");
  }

  @Test
  void crlfLineEndingsAndStringsOverSeveralLines() {
    List<PostgrestFile.Binding> b = parse("a = \"one\r\ntwo\"\r\n\r\nb = 2\r\n", Map.of());

    assertThat(b.get(0).text()).isEqualTo("one\r\ntwo");
    assertThat(b.get(1).keyAt()).hasToString("postgrest.conf:4:1");
  }

  @Test
  void laterBindingsAreKeptInOrderForTheCallerToResolve() {
    assertThat(pairs("a = 1\na = 2\n", Map.of())).containsExactly("a=1", "a=2");
  }

  static Stream<Arguments> malformed() {
    String deep = "g {".repeat(17) + "}".repeat(17);
    return Stream.of(
        Arguments.of(
            "db-uri = postgres://x",
            "cannot parse postgrest.conf:1:10: expected a value: a \"quoted string\", a number,"
                + " true/false or on/off"),
        Arguments.of("db-pool = 1x", "cannot parse postgrest.conf:1:11: expected a value"),
        Arguments.of("a = True", "cannot parse postgrest.conf:1:5: expected a value"),
        Arguments.of(
            "x = 1\ndb-uri = \"abc\n\n",
            "cannot parse postgrest.conf:2:10: the string of db-uri has no closing '\"'"),
        Arguments.of("a = \"\\q\"", "cannot parse postgrest.conf:1:6: unknown escape '\\q'"),
        Arguments.of("a = \"\\u00\"", "cannot parse postgrest.conf:1:6: \\u must be followed"),
        Arguments.of("a = \"\\", "cannot parse postgrest.conf:1:6: a '\\' ends the file"),
        Arguments.of("a = \"$x\"", "cannot parse postgrest.conf:1:6: a '$' must start $(NAME)"),
        Arguments.of("a = \"$(X\"", "cannot parse postgrest.conf:1:6: a '$' must start $(NAME)"),
        Arguments.of("a = \"$(a b)\"", "cannot parse postgrest.conf:1:6: a '$' must start"),
        Arguments.of(
            "a = \"$(NOPE)\"",
            "cannot read postgrest.conf:1:6: $(NOPE) is neither an earlier setting nor a set"
                + " environment variable"),
        Arguments.of("a = [1, 2]", "cannot parse postgrest.conf:1:5: lists are not"),
        Arguments.of(
            "import \"other.conf\"", "cannot parse postgrest.conf:1:8: import is not supported"),
        Arguments.of("a \"x\"", "cannot parse postgrest.conf:1:3: expected '=' after \"a\""),
        Arguments.of("a", "cannot parse postgrest.conf:1:2: expected '=' after \"a\""),
        Arguments.of("= \"x\"", "cannot parse postgrest.conf:1:1: expected a setting name"),
        Arguments.of("1a = 2", "cannot parse postgrest.conf:1:1: expected a setting name"),
        Arguments.of("a = ", "cannot parse postgrest.conf:1:5: expected a value"),
        Arguments.of(
            "a = \"x\"b = \"y\"",
            "cannot parse postgrest.conf:1:8: expected the end of the line after the value"),
        Arguments.of("g {\n a = 1\n", "cannot parse postgrest.conf:3:1: the group 'g' has no"),
        Arguments.of("}", "cannot parse postgrest.conf:1:1: '}' without an open group"),
        Arguments.of(deep, "cannot parse postgrest.conf:1:51: groups are nested deeper than 16"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputNamesThePlace(String text, String message) {
    assertThatThrownBy(() -> parse(text, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isIn("config.parse_error", "config.missing_env");
              assertThat(e.getMessage()).startsWith(message);
              assertThat(e.hint()).isPresent();
            });
  }

  @Test
  void interpolationCannotBlowUpTheValue() {
    String big = "x".repeat(600_000);

    assertThatThrownBy(() -> parse("a = \"$(BIG)$(BIG)\"", Map.of("BIG", big)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.getMessage()).contains("the value of a is longer than 1 MiB"));
  }

  @Test
  void aFileOfCommentsHasNoBindings() {
    assertThat(parse("# only\n\n   # comments\n", Map.of())).isEmpty();
    assertThat(parse("", Map.of())).isEmpty();
  }
}
