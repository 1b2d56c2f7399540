package dev.tusk.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pieces: type names, defaults, comments, keys and the settings' checks. */
class OpenApiPartsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "character varying(20)|character varying|string|character varying",
        "character(1)|character|string|character",
        "numeric(10,2)|numeric|number|numeric",
        "numeric(10, 2)|numeric|number|numeric",
        "timestamp(3) with time zone|timestamp with time zone|string|date-time",
        "timestamp without time zone|timestamp without time zone|string|date-time",
        "character varying(20)[]|character varying[]|array|character varying[]",
        "smallint|smallint|integer|int32",
        "bigint|bigint|integer|int64",
        "double precision|double precision|number|double",
        "real|real|number|float",
        "jsonb|jsonb||jsonb",
        "uuid|uuid|string|uuid",
        "api.mood|api.mood|string|api.mood",
        "\"odd(1)\".\"t(2)\"|\"odd(1)\".\"t(2)\"|string|\"odd(1)\".\"t(2)\"",
        "bit(x)|bit(x)|string|bit(x)",
        "f(|f(|string|f(",
      })
  void typeNames(String formatted, String name, String json, String format) {
    PgType t = PgType.of(formatted);
    assertThat(t.name()).isEqualTo(name);
    assertThat(t.jsonType().keyword()).isEqualTo(Optional.ofNullable(json));
    assertThat(t.standardFormat()).isEqualTo(format);
  }

  @Test
  void arrayElements() {
    assertThat(PgType.of("integer[]").element().name()).isEqualTo("integer");
    assertThat(PgType.of("json[]").element().jsonType()).isEqualTo(PgType.JsonType.ANY);
    assertThat(PgType.of("text").element().name()).isEqualTo("text");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      nullValues = "NONE",
      value = {
        "text|'draft'::text|\"draft\"",
        "text|'it''s'::text|\"it's\"",
        "text|'a\"b\\c'::character varying|\"a\\\"b\\\\c\"",
        "text|'x'|\"x\"",
        "text|now()|NONE",
        "text|'a'::text op 'b'::text|NONE",
        "text|'a'::text::character varying|\"a\"",
        "text|'unterminated|NONE",
        "text|NULL::text|NONE",
        "integer|42|42",
        "integer|'-1'::integer|-1",
        "integer|nextval('s'::regclass)|NONE",
        "numeric|42.20|42.2",
        "numeric|100.0|100",
        "numeric|1e5|NONE",
        "boolean|false|false",
        "boolean|true|true",
        "boolean|'t'::boolean|NONE",
        "text[]|'{}'::text[]|NONE",
        "jsonb|'{}'::jsonb|NONE",
        "date|'1900-01-01'::date|\"1900-01-01\"",
      })
  void defaults(String type, String expression, String json) throws Exception {
    Optional<String> written =
        DefaultValue.of(PgType.of(type), expression).map(n -> new OpenApiWriterProbe().write(n));
    assertThat(written).isEqualTo(Optional.ofNullable(json));
  }

  @Test
  void anOversizedDefaultIsLeftOut() {
    assertThat(DefaultValue.of(PgType.of("numeric"), "9".repeat(100_000))).isEmpty();
    assertThat(DefaultValue.of(PgType.of("text"), "'" + "x".repeat(100_000) + "'::text"))
        .hasValueSatisfying(n -> assertThat(n.asText()).hasSize(100_000));
  }

  @Test
  void commentsSplitIntoSummaryAndDescription() {
    assertThat(Comment.of(Optional.empty()))
        .isEqualTo(new Comment(Optional.empty(), Optional.empty()));
    assertThat(Comment.of(Optional.of("one line")))
        .isEqualTo(new Comment(Optional.of("one line"), Optional.empty()));
    assertThat(Comment.of(Optional.of("head\n\n\nbody\nmore")))
        .isEqualTo(new Comment(Optional.of("head"), Optional.of("body\nmore")));
    assertThat(Comment.of(Optional.of("head\n\n")))
        .isEqualTo(new Comment(Optional.of("head"), Optional.empty()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "articles|/articles|articles",
        "a/b|/a%2Fb|a-2f-b",
        "a b|/a%20b|a-20-b",
        "we\"ird|/we%22ird|we-22-ird",
        "ä|/%C3%A4|-e4-",
        "{id}|/%7Bid%7D|-7b-id-7d-",
        "x-y|/x-y|x--y",
        "a.b|/a.b|a-2e-b",
        "..|/%2E%2E|-2e--2e-",
        "100%|/100%25|100-25-",
        "😀|/%F0%9F%98%80|-1f600-",
        "it's (1)|/it's%20(1)|it-27-s-20--28-1-29-",
      })
  void namesBecomeKeys(String name, String path, String component) {
    assertThat(Keys.tablePath(name)).isEqualTo(path);
    assertThat(OpenApiRefs.percentDecode(path.substring(1))).isEqualTo(name);
    assertThat(Keys.component(name)).isEqualTo(component).matches("[a-zA-Z0-9._-]+");
  }

  @Test
  void referencesAreEscapedJsonPointers() {
    assertThat(Keys.ref("definitions", "articles")).isEqualTo("#/definitions/articles");
    assertThat(Keys.ref("definitions", "a/b~c d")).isEqualTo("#/definitions/a~1b~0c%20d");
    assertThat(Keys.ref("parameters", "rowFilter.a%2Eb.c"))
        .isEqualTo("#/parameters/rowFilter.a%252Eb.c");
    assertThat(Keys.dotted("a.b%")).isEqualTo("a%2Eb%25");
    assertThat(Keys.component("a.b") + "." + Keys.component("c"))
        .isNotEqualTo(Keys.component("a") + "." + Keys.component("b.c"));
  }

  @Test
  void settingsRefuseWhatWouldBreakTheDocument() {
    OpenApiSettings ok = OpenApiFixtures.settings();
    assertThatThrownBy(() -> ok.withHost(Optional.of("evil.com/path")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("evil.com/path");
    assertThatThrownBy(() -> ok.withHost(Optional.of("a b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ok.withProxyUri(URI.create("ftp://x/")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://x/");
    assertThatThrownBy(() -> ok.withProxyUri(URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new OpenApiSettings(
                    "t",
                    "1",
                    Optional.empty(),
                    "api",
                    List.of("http"),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    x -> true,
                    x -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'api'");
    assertThatThrownBy(
            () ->
                new OpenApiSettings(
                    "t",
                    "1",
                    Optional.empty(),
                    "/",
                    List.of("http", "http"),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    x -> true,
                    x -> true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new OpenApiSettings(
                    "t",
                    "1",
                    Optional.empty(),
                    "/",
                    List.of("gopher"),
                    false,
                    Optional.empty(),
                    Optional.empty(),
                    x -> true,
                    x -> true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ok.withProxyUri(URI.create("http://h")).basePath()).isEqualTo("/");
    assertThat(ok.withProxyUri(URI.create("HTTPS://h:1/x/")).schemes()).containsExactly("https");
  }

  @Test
  void hostHeadersAreTakenOnlyWhenPlain() {
    assertThat(OpenApiSettings.hostHeader("localhost:3000")).contains("localhost:3000");
    assertThat(OpenApiSettings.hostHeader("[::1]:3000")).contains("[::1]:3000");
    assertThat(OpenApiSettings.hostHeader("example.com")).contains("example.com");
    assertThat(OpenApiSettings.hostHeader("a\"b/c")).isEmpty();
    assertThat(OpenApiSettings.hostHeader("x:99999999")).isEmpty();
    assertThat(OpenApiSettings.hostHeader("")).isEmpty();
    assertThat(OpenApiSettings.hostHeader(null)).isEmpty();
    assertThat(OpenApiSettings.hostHeader("h".repeat(10_000))).isEmpty();
  }
}
