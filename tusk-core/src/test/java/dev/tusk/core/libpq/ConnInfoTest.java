package dev.tusk.core.libpq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** libpq's connection string syntax: what each form yields, and every malformed string refused. */
class ConnInfoTest {

  /** The values as {@code k=v;k=v}, in the order the map keeps them. */
  static String shown(ConnInfo info) {
    return info.values().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(";"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      emptyValue = "",
      value = {
        "postgresql://                                  | \"\"",
        "postgres://                                    | \"\"",
        "postgres://u:pw@h:5433/db?sslmode=require      | user=u;password=pw;host=h;port=5433;dbname=db;sslmode=require",
        "postgresql:///db                               | dbname=db",
        "postgresql://?sslmode=require                  | sslmode=require",
        "postgresql://u@/db                             | user=u;dbname=db",
        "postgresql://h                                 | host=h",
        "postgresql://h/                                | host=h",
        "postgresql://h:/db                             | host=h;dbname=db",
        "postgresql://[::1]:5433/db                     | host=::1;port=5433;dbname=db",
        "postgresql://[2001:db8::1]/db                  | host=2001:db8::1;dbname=db",
        "postgresql://[fe80::1%25eth0]                  | host=fe80::1%eth0",
        "postgresql://h1:5432,h2,[::1]:5434/app         | host=h1,h2,::1;port=5432,,5434;dbname=app",
        "postgresql://h1,h2/app                         | host=h1,h2;port=,;dbname=app",
        "postgresql://[::1],h2:6000?dbname=x            | host=::1,h2;port=,6000;dbname=x",
        "postgresql://us%40r:p%3Ass%2Fw@h/my%20db       | user=us@r;password=p:ss/w;host=h;dbname=my db",
        "postgresql://a+b:c+d@h/e+f?application_name=g+h | user=a+b;password=c+d;host=h;dbname=e+f;application_name=g+h",
        "postgresql://u:a:b@h                           | user=u;password=a:b;host=h",
        "postgresql://:pw@h                             | password=pw;host=h",
        "postgresql://u:@h                              | user=u;host=h",
        "postgres://admin2:?pass?special?@localhost/pg  | user=admin2;password=?pass?special?;host=localhost;dbname=pg",
        "postgresql://%C3%BCser@h/d                     | user=üser;host=h;dbname=d",
        "postgresql://üser@h/d%C3%A9                    | user=üser;host=h;dbname=dé",
        "postgresql://%2Fvar%2Frun%2Fpg/d               | host=/var/run/pg;dbname=d",
        "postgresql://u@h/d?user=other&dbname=x&host=h2 | user=other;host=h2;dbname=x",
        "postgresql://h/d?host=/run/pg&password=x       | host=/run/pg;dbname=d;password=x",
        "postgresql://h/d?ssl=true                      | host=h;dbname=d;sslmode=require",
        "postgresql://h/d?ssl=false                     | host=h;dbname=d;ssl=false",
        "postgresql://h/d?a=1&                          | host=h;dbname=d;a=1",
        "postgresql://h/d?                              | host=h;dbname=d",
        "postgresql://h/d?options=                      | host=h;dbname=d;options=",
        "postgresql://h/d?%75ser=x%26y                  | host=h;dbname=d;user=x&y",
        "postgresql://h/a/b                             | host=h;dbname=a/b",
      })
  void theUriForm(String text, String values) {
    ConnInfo info = ConnInfo.parse(text);

    assertThat(info.form()).isEqualTo(ConnInfo.Form.URI);
    assertThat(shown(info)).isEqualTo(values);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      emptyValue = "",
      value = {
        "\"\"                                               | \"\"",
        "\"   \"                                            | \"\"",
        "host=h port=5433 dbname=d user=u                 | host=h;port=5433;dbname=d;user=u",
        "host = h   user =u   dbname= 'my app'            | host=h;user=u;dbname=my app",
        "password='a b\\'c' dbname=x\\ y                  | password=a b'c;dbname=x y",
        "password='back\\\\slash'                         | password=back\\slash",
        "user=''                                          | user=",
        "user=                                            | user=",
        "a='x'b=y                                         | a=x;b=y",
        "password=abc\\                                   | password=abc",
        "user=a user=b                                    | user=b",
        "host= user=x                                     | host=user=x",
        "options='-c search_path=app'                     | options=-c search_path=app",
        "password=p@ss:w/rd?&%zz                          | password=p@ss:w/rd?&%zz",
        "host=h1,h2 port=5432,5433                        | host=h1,h2;port=5432,5433",
        "Sslmode_2=x                                      | Sslmode_2=x",
      })
  void thePairsForm(String text, String values) {
    ConnInfo info = ConnInfo.parse(text);

    assertThat(info.form()).isEqualTo(ConnInfo.Form.PAIRS);
    assertThat(shown(info)).isEqualTo(values);
    assertThat(info.query()).isEmpty();
  }

  @Test
  void pairsAreSeparatedByAnyOfCsWhitespace() {
    ConnInfo info = ConnInfo.parse("\thost=h\nuser=u\r\ndbname=d\u000bport=1\fpassword='a\tb' ");

    assertThat(shown(info)).isEqualTo("host=h;user=u;dbname=d;port=1;password=a\tb");
  }

  @Test
  void aNonBreakingSpaceIsPartOfAValueNotASeparator() {
    assertThat(ConnInfo.parse("password=a\u00a0b").values()).containsEntry("password", "a\u00a0b");
  }

  @Test
  void percentEncodedControlCharactersAreTakenInAUri() {
    ConnInfo info = ConnInfo.parse("postgresql://u:p%0Aw%09@h/d");

    assertThat(info.values()).containsEntry("password", "p\nw\t");
  }

  @Test
  void theQueryIsKeptAsWrittenBeforeLibpqsSslRewrite() {
    ConnInfo info = ConnInfo.parse("postgresql://u@h/d?ssl=true&user=v&user=w");

    assertThat(info.query())
        .containsExactly(
            new ConnInfo.Param("ssl", "true"),
            new ConnInfo.Param("user", "v"),
            new ConnInfo.Param("user", "w"));
    assertThat(info.values()).containsEntry("sslmode", "require").containsEntry("user", "w");
  }

  @Test
  void hostsAndPortsSplitAsLibpqSplitsThem() {
    ConnInfo info = ConnInfo.parse("postgresql://h1:5432,[::1],h3:5434/d");

    assertThat(info.list("host")).containsExactly("h1", "::1", "h3");
    assertThat(info.list("port")).containsExactly("5432", "", "5434");
    assertThat(info.list("sslmode")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "localhost                                 | NOT_CONNINFO",
        "mysql://u@h/d                             | NOT_CONNINFO",
        "POSTGRESQL://h/d                          | NOT_CONNINFO",
        "postgresql://u%zz@h/d                     | BAD_PERCENT",
        "postgresql://u:p%@h/d                     | BAD_PERCENT",
        "postgresql://h/d%                         | BAD_PERCENT",
        "postgresql://h/d%4                        | BAD_PERCENT",
        "postgresql://h/d?a=%g0                    | BAD_PERCENT",
        "postgresql://h%zz/d                       | BAD_PERCENT",
        "postgresql://u%00@h/d                     | PERCENT_NUL",
        "postgresql://h/d?a=%00                    | PERCENT_NUL",
        "postgresql://u%ff@h/d                     | NOT_UTF8",
        "postgresql://h/d%C3                       | NOT_UTF8",
        "postgresql://h/d%C0%AF                    | NOT_UTF8",
        "postgresql://h/d%ED%A0%80                 | NOT_UTF8",
        "postgresql://h/d?a=%F5%80%80%80           | NOT_UTF8",
        "postgresql://h/d b                        | CONTROL_CHARACTER",
        "postgresql://u p@h/d                      | CONTROL_CHARACTER",
        "postgresql://[::1/d                       | IPV6_UNCLOSED",
        "postgresql://[::1                         | IPV6_UNCLOSED",
        "postgresql://[::1/d?x=]                   | IPV6_UNCLOSED",
        "postgresql://[]/d                         | IPV6_EMPTY",
        "postgresql://[::1]x/d                     | IPV6_TRAILING",
        "postgresql://[::1]]/d                     | IPV6_TRAILING",
        "postgresql://h:0/d                        | BAD_PORT",
        "postgresql://h:65536/d                    | BAD_PORT",
        "postgresql://h:5x/d                       | BAD_PORT",
        "postgresql://h:-1/d                       | BAD_PORT",
        "postgresql://h:99999999999999999999/d     | BAD_PORT",
        "postgresql://h1:5432,h2:x/d               | BAD_PORT",
        "postgresql://[::1]:x/d                    | BAD_PORT",
        "postgresql://h::5432/d                    | BAD_PORT",
        "postgresql://u:p@ss@h/d                   | AT_IN_HOST",
        "postgresql://u@h,v@h2/d                   | AT_IN_HOST",
        "postgresql://h/d?sslmode                  | QUERY_NOT_PAIR",
        "postgresql://h/d?=x                       | QUERY_NOT_PAIR",
        "postgresql://h/d?a=1&&b=2                 | QUERY_NOT_PAIR",
        "postgresql://h/d?&a=1                     | QUERY_NOT_PAIR",
        "postgresql://h/d?a=1&b                    | QUERY_NOT_PAIR",
        "postgresql://h/d?options=-csearch_path=x  | QUERY_EXTRA_EQUALS",
        "postgresql://h/d?a-b=1                    | QUERY_BAD_KEYWORD",
        "postgresql://h/d?%e2%80%ae=1              | QUERY_BAD_KEYWORD",
        "postgresql://h/d?us%20er=1                | QUERY_BAD_KEYWORD",
        "host=h user                               | MISSING_EQUALS",
        "host=h user x=1                           | MISSING_EQUALS",
        "host=h 'user'                             | MISSING_EQUALS",
        "=x                                        | NO_KEYWORD",
        "host=h = x                                | NO_KEYWORD",
        "host=h user-name=x                        | BAD_KEYWORD",
        "host=h üser=x                             | BAD_KEYWORD",
        "host=h 'user'=x                           | BAD_KEYWORD",
        "host=h password='open                     | UNTERMINATED_QUOTE",
        "host=h password='ends in a backslash\\'   | UNTERMINATED_QUOTE",
        "host=h password='                         | UNTERMINATED_QUOTE",
      })
  void malformedStringsAreRefusedWithoutBeingQuoted(String text, Problem problem) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConnInfo.parse(text));

    assertThat(e).as(text).isNotNull();
    assertThat(e.code()).isEqualTo(problem.code());
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).contains(problem.text()).doesNotContain(text);
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).doesNotContain(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "postgresql://u:hunter2@h:0/d",
        "postgresql://u:hunter2@h/d?sslmode",
        "postgresql://u:hunter2 @h/d",
        "postgresql://u:hunter2%zz@h/d",
        "postgresql://u:hunter2@hunter2@h/d",
        "host=h password='hunter2",
        "host=h password=hunter2 hunter2",
        "hunter2",
        "host=h hunter2-x=1",
      })
  void noErrorShowsAnyPartOfTheString(String text) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ConnInfo.parse(text));

    assertThat(e.getMessage()).doesNotContain("hunter2");
    assertThat(e.hint().orElseThrow()).doesNotContain("hunter2");
  }

  @Test
  void controlCharactersAreRefusedInAUri() {
    for (String c : List.of("\t", "\n", "\r", "\u0001", "\u001f", "\u007f", "\u0085", "\u009f")) {
      assertThatThrownBy(() -> ConnInfo.parse("postgresql://u:p" + c + "w@h/d"))
          .as("U+%04X", (int) c.charAt(0))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e -> assertThat(e.code()).isEqualTo(Problem.CONTROL_CHARACTER.code()));
    }
  }

  @Test
  void aNulIsRefusedInEitherForm() {
    for (String s : List.of("postgresql://u:p\0w@h/d", "host=h password=p\0w", "\0")) {
      assertThatThrownBy(() -> ConnInfo.parse(s))
          .isInstanceOfSatisfying(
              ConfigException.class, e -> assertThat(e.code()).isEqualTo("conninfo.nul"));
    }
  }

  @Test
  void aLoneSurrogateIsRefusedAndAPairIsText() {
    for (String s : List.of("password=a\ud800b", "password=a\udc00", "password=\ud800")) {
      assertThatThrownBy(() -> ConnInfo.parse(s))
          .isInstanceOfSatisfying(
              ConfigException.class, e -> assertThat(e.code()).isEqualTo("conninfo.not_unicode"));
    }
    assertThat(ConnInfo.parse("password=\ud83d\udc18").values())
        .containsEntry("password", "\ud83d\udc18");
    assertThat(ConnInfo.parse("postgresql://\ud83d\udc18@h").values())
        .containsEntry("user", "\ud83d\udc18");
  }

  @Test
  void aCallerWordsTheErrorItself() {
    assertThatThrownBy(
            () -> ConnInfo.parse("postgresql://h:0/d", p -> new IllegalStateException(p.name())))
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessage("BAD_PORT");
  }

  @Test
  void everyProblemHasAStableDistinctCode() {
    Set<String> codes =
        java.util.Arrays.stream(Problem.values()).map(Problem::code).collect(Collectors.toSet());

    assertThat(codes)
        .hasSize(Problem.values().length)
        .allMatch(c -> c.matches("conninfo\\.[a-z0-9_]+"));
    assertThat(Problem.BAD_PORT.code()).isEqualTo("conninfo.bad_port");
  }

  @Test
  void toStringNamesTheKeywordsButNoValue() {
    ConnInfo info = ConnInfo.parse("postgresql://u:hunter2@h/d");

    assertThat(info.toString()).isEqualTo("ConnInfo[URI: user, password, host, dbname]");
    assertThat(ConnInfo.parse("postgresql://h/d?password=hunter2").query().toString())
        .isEqualTo("[password=(not shown)]");
  }

  @Test
  void theEnvironmentFillsOnlyWhatIsLeftOutAndOnlyWhatIsAskedFor() {
    Map<String, String> env =
        Map.of(
            "PGHOST", "envhost",
            "PGPORT", "6000",
            "PGPASSWORD", "from-env",
            "PGUSER", "envuser",
            "PGAPPNAME", "",
            "PGGSSENCMODE", "require",
            "HOME", "/root");
    ConnInfo info =
        ConnInfo.parse("host=h user=''")
            .withEnvironment(
                env, Set.of("host", "port", "user", "password", "application_name", "dbname"));

    assertThat(shown(info)).isEqualTo("host=h;user=;password=from-env;port=6000");
  }

  @Test
  void anEmptyUriPartIsLeftOutSoTheEnvironmentFillsIt() {
    ConnInfo info =
        ConnInfo.parse("postgresql://:@/")
            .withEnvironment(
                Map.of("PGUSER", "u", "PGPASSWORD", "p", "PGDATABASE", "d", "PGHOST", "h"),
                PgEnvironment.VARIABLES.keySet());

    assertThat(shown(info)).isEqualTo("user=u;password=p;dbname=d;host=h");
  }

  @Test
  void theVariablesAreLibpqs() {
    assertThat(PgEnvironment.VARIABLES)
        .containsEntry("password", "PGPASSWORD")
        .containsEntry("application_name", "PGAPPNAME")
        .containsEntry("target_session_attrs", "PGTARGETSESSIONATTRS")
        .containsEntry("connect_timeout", "PGCONNECT_TIMEOUT")
        .doesNotContainKey("sslpassword");
    assertThat(PgEnvironment.VARIABLES.values()).allMatch(v -> v.matches("PG[A-Z_]+"));
  }

  @Test
  void keywordAndPortShapes() {
    assertThat(ConnInfo.isKeyword("target_session_attrs")).isTrue();
    assertThat(ConnInfo.isKeyword("a".repeat(64))).isTrue();
    assertThat(ConnInfo.isKeyword("a".repeat(65))).isFalse();
    assertThat(ConnInfo.isKeyword("")).isFalse();
    assertThat(ConnInfo.isKeyword("a.b")).isFalse();
    assertThat(ConnInfo.isPort("1")).isTrue();
    assertThat(ConnInfo.isPort("65535")).isTrue();
    assertThat(ConnInfo.isPort("05432")).isTrue();
    assertThat(ConnInfo.isPort("0")).isFalse();
    assertThat(ConnInfo.isPort("65536")).isFalse();
    assertThat(ConnInfo.isPort("+1")).isFalse();
    assertThat(ConnInfo.isPort("١٢")).isFalse();
    assertThat(ConnInfo.isPort("")).isFalse();
  }

  /** One megabyte in each place a parser might go quadratic or echo it back. */
  @Test
  void aMegabyteIsReadInOnePassOrRefusedWithoutBeingEchoed() {
    String mb = "x".repeat(1 << 20);

    assertThat(ConnInfo.parse("postgresql://u:" + mb + "@h/d").values())
        .containsEntry("password", mb);
    assertThat(ConnInfo.parse("host=h password='" + mb + "'").values())
        .containsEntry("password", mb);
    assertThat(ConnInfo.parse("postgresql://h/d?options=" + "%41".repeat(1 << 18)).values())
        .containsEntry("options", "A".repeat(1 << 18));
    assertThat(ConnInfo.parse("postgresql://" + ",".repeat(1 << 20)).list("host"))
        .hasSize((1 << 20) + 1);
    String manyParams =
        IntStream.range(0, 50_000).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining("&"));
    assertThat(ConnInfo.parse("postgresql://h/d?" + manyParams).values()).hasSize(50_002);
    String manyPairs =
        IntStream.range(0, 50_000).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining(" "));
    assertThat(ConnInfo.parse(manyPairs).values()).hasSize(50_000);

    Map<String, Problem> refused =
        Map.of(
            "host=h " + mb + "=1",
            Problem.BAD_KEYWORD,
            "host=h " + mb,
            Problem.MISSING_EQUALS,
            "postgresql://h/d?" + "&".repeat(1 << 20),
            Problem.QUERY_NOT_PAIR,
            "postgresql://h/d?a=" + "=".repeat(1 << 20),
            Problem.QUERY_EXTRA_EQUALS,
            "postgresql://h/d?" + "a".repeat(1 << 20),
            Problem.QUERY_NOT_PAIR,
            "postgresql://h/" + "%".repeat(1 << 20),
            Problem.BAD_PERCENT,
            "postgresql://[" + mb,
            Problem.IPV6_UNCLOSED,
            "password='" + "\\'".repeat(1 << 19),
            Problem.UNTERMINATED_QUOTE,
            "postgresql://h:" + "9".repeat(1 << 20),
            Problem.BAD_PORT,
            mb,
            Problem.NOT_CONNINFO);
    refused.forEach(
        (text, problem) -> {
          ConfigException e =
              catchThrowableOfType(ConfigException.class, () -> ConnInfo.parse(text));
          assertThat(e.code()).isEqualTo(problem.code());
          assertThat(e.getMessage()).hasSizeLessThan(300);
        });
  }
}
