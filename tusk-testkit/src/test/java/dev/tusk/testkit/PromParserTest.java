package dev.tusk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The test-side Prometheus parser must itself be trustworthy: it reads a valid scrape exactly
 * (escapes decoded, special values) and rejects each kind of malformed scrape that the admin tests
 * rely on it to catch.
 */
class PromParserTest {

  private static final String HEAD = "# HELP a_x An x.\n# TYPE a_x gauge\n";

  @Test
  void readsFamiliesSamplesAndEscapes() {
    Scrape s =
        PromParser.parse(
            "# HELP a_x An \\\\x\\n here.\n# TYPE a_x counter\n"
                + "a_x{db=\"q\\\"u\\\\o\\nte\",s=\"\"} 12\n"
                + "a_x 1.5e3 1700000000000\n"
                + "# a free comment\n"
                + "# HELP b_y B.\n# TYPE b_y gauge\nb_y{} NaN\n"
                + "# TYPE c_z gauge\n# HELP c_z C.\nc_z -Inf\n");
    assertThat(s.families().keySet()).containsExactly("a_x", "b_y", "c_z");
    assertThat(s.family("a_x").type()).isEqualTo("counter");
    assertThat(s.family("a_x").help()).isEqualTo("An \\x\n here.");
    assertThat(s.family("a_x").samples().getFirst().labels())
        .isEqualTo(Map.of("db", "q\"u\\o\nte", "s", ""));
    assertThat(s.value("a_x", "db", "q\"u\\o\nte")).isEqualTo(12);
    assertThat(s.samples("a_x")).hasSize(2);
    assertThat(s.value("b_y")).isNaN();
    assertThat(s.value("c_z")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no final newline         | # HELP a_x X.\\n# TYPE a_x gauge\\na_x 1 | a scrape must be
          blank line               | # HELP a_x X.\\n# TYPE a_x gauge\\n\\na_x 1\\n | blank line
          CR                       | # HELP a_x X.\\r\\n# TYPE a_x gauge\\na_x 1\\n | a scrape must be
          sample before family     | a_x 1\\n# HELP a_x X.\\n# TYPE a_x gauge\\n | sample before its family
          sample without TYPE      | # HELP a_x X.\\na_x 1\\n | sample before its family
          sample of other family   | # HELP a_x X.\\n# TYPE a_x gauge\\na_y 1\\n | sample of a_y under family a_x
          family declared twice    | HEAD# HELP b_y Y.\\n# TYPE b_y gauge\\n# HELP a_x X.\\n | family a_x declared again after b_y
          HELP after samples       | HEADa_x 1\\n# HELP a_x X.\\n | HELP after the family
          second TYPE              | HEAD# TYPE a_x counter\\n | second TYPE for a_x
          unknown type             | # HELP a_x X.\\n# TYPE a_x thing\\n | unknown type thing
          bad escape in label      | HEADa_x{d=\"a\\tb\"} 1\\n | bad escape \\t in a label value
          bad escape in HELP       | # HELP a_x X\\t.\\n# TYPE a_x gauge\\n | bad escape \\t
          unterminated label       | HEADa_x{d=\"ab} 1\\n | unterminated label value
          unquoted label           | HEADa_x{d=ab} 1\\n | bad label at column
          label twice              | HEADa_x{d=\"a\",d=\"b\"} 1\\n | label d twice
          trailing comma           | HEADa_x{d=\"a\",} 1\\n | trailing comma
          duplicate series         | HEADa_x{d=\"a\"} 1\\na_x{d=\"a\"} 2\\n | duplicate series
          Java-only number         | HEADa_x 1d\\n | bad value or timestamp
          Infinity spelled out     | HEADa_x Infinity\\n | bad value or timestamp
          two spaces               | HEADa_x  1\\n | bad value or timestamp
          bad timestamp            | HEADa_x 1 soon\\n | bad value or timestamp
          extra field              | HEADa_x 1 2 3\\n | bad value or timestamp
          bad metric name          | # HELP 1x X.\\n# TYPE 1x gauge\\n | bad metric name
          family lacking TYPE      | # HELP a_x X.\\n | family a_x lacks HELP or TYPE
          empty                    | '' | a scrape must be
          """)
  void rejects(String why, String text, String message) {
    String scrape = text.replace("HEAD", HEAD).replace("\\n", "\n").replace("\\r", "\r");
    assertThatThrownBy(() -> PromParser.parse(scrape))
        .as(why)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aLookupThatMatchesNoneOrManyFails() {
    Scrape s = PromParser.parse(HEAD + "a_x{d=\"1\",e=\"1\"} 1\na_x{d=\"1\",e=\"2\"} 2\n");
    assertThat(s.value("a_x", "e", "2")).isEqualTo(2);
    assertThatThrownBy(() -> s.value("a_x", "d", "1")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> s.value("a_x", "d", "9")).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> s.family("nope")).isInstanceOf(AssertionError.class);
  }
}
