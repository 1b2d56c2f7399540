package dev.tusk.cli.output;

import static dev.tusk.cli.output.ColumnKind.BOOLEAN;
import static dev.tusk.cli.output.ColumnKind.JSON;
import static dev.tusk.cli.output.ColumnKind.NUMBER;
import static dev.tusk.cli.output.ColumnKind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

  private final JsonRenderer renderer = new JsonRenderer();
  private final ObjectMapper mapper = new ObjectMapper();

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }

  private static ResultTable column(ColumnKind kind, String... values) {
    return new ResultTable(
        List.of("v"), List.of(kind), Arrays.stream(values).map(v -> row(v)).toList(), "SELECT");
  }

  @Test
  void writesOneArrayOfObjectsOnOneLine() {
    ResultTable table =
        new ResultTable(
            List.of("id", "name", "ok"),
            List.of(NUMBER, TEXT, BOOLEAN),
            List.of(row("1", "alice", "t"), row("2", null, "f")),
            "SELECT 2");
    assertThat(renderer.renderToString(table))
        .isEqualTo(
            "[{\"id\":1,\"name\":\"alice\",\"ok\":true},{\"id\":2,\"name\":null,\"ok\":false}]\n");
  }

  @Test
  void anEmptyResultIsAnEmptyArray() {
    assertThat(renderer.renderToString(new ResultTable(List.of("a"), List.of(), "SELECT 0")))
        .isEqualTo("[]\n");
  }

  @Test
  void aStatementWithoutResultSetGivesItsTag() {
    assertThat(renderer.renderToString(ResultTable.command("INSERT 0 1")))
        .isEqualTo("{\"command\":\"INSERT 0 1\"}\n");
  }

  @Test
  void numbersKeepTheirExactText() {
    String out =
        renderer.renderToString(
            column(NUMBER, "123456789012345678901234567890.1234567890", "-0.50", "1e+20", "0"));
    assertThat(out)
        .isEqualTo(
            "[{\"v\":123456789012345678901234567890.1234567890},{\"v\":-0.50},{\"v\":1e+20},"
                + "{\"v\":0}]\n");
  }

  @Test
  void numbersThatAreNotJsonNumbersBecomeStrings() {
    String out =
        renderer.renderToString(
            column(NUMBER, "NaN", "Infinity", "-Infinity", "$1.00", "1,5", "01", "1.", "", "+1"));
    assertThat(out)
        .isEqualTo(
            "[{\"v\":\"NaN\"},{\"v\":\"Infinity\"},{\"v\":\"-Infinity\"},{\"v\":\"$1.00\"},"
                + "{\"v\":\"1,5\"},{\"v\":\"01\"},{\"v\":\"1.\"},{\"v\":\"\"},{\"v\":\"+1\"}]\n");
  }

  @Test
  void booleansAcceptPostgresAndJsonSpellingsOnly() {
    assertThat(renderer.renderToString(column(BOOLEAN, "t", "true", "f", "false", "yes", null)))
        .isEqualTo(
            "[{\"v\":true},{\"v\":true},{\"v\":false},{\"v\":false},{\"v\":\"yes\"},"
                + "{\"v\":null}]\n");
  }

  @Test
  void embedsJsonValuesExactly() throws Exception {
    String out =
        renderer.renderToString(
            column(JSON, "{\"a\": [1, 2.50, true, null], \"b\": {\"c\": \"d\"}}", "\"s\"", "3"));
    assertThat(out)
        .isEqualTo(
            "[{\"v\":{\"a\":[1,2.50,true,null],\"b\":{\"c\":\"d\"}}},{\"v\":\"s\"},{\"v\":3}]\n");
    assertThat(mapper.readTree(out).get(0).get("v").get("b").get("c").asText()).isEqualTo("d");
  }

  @Test
  void keepsDuplicateKeysOfJsonValues() {
    // The json type (unlike jsonb) keeps duplicate keys; a tree model would drop one.
    assertThat(renderer.renderToString(column(JSON, "{\"a\":1,\"a\":2}")))
        .isEqualTo("[{\"v\":{\"a\":1,\"a\":2}}]\n");
  }

  @Test
  void malformedOrTrailingJsonBecomesAString() throws Exception {
    String[] bad = {"{\"a\":", "1 2", "{} []", "NaN", "", "   ", "{'a':1}", "[1,]"};
    JsonNode out = mapper.readTree(renderer.renderToString(column(JSON, bad)));
    for (int i = 0; i < bad.length; i++) {
      assertThat(out.get(i).get("v").isTextual()).as(bad[i]).isTrue();
      assertThat(out.get(i).get("v").asText()).isEqualTo(bad[i]);
    }
  }

  @Test
  void deeplyNestedJsonBeyondTheParserLimitBecomesAString() throws Exception {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    String out = renderer.renderToString(column(JSON, deep));
    assertThat(mapper.readTree(out).get(0).get("v").asText()).isEqualTo(deep);
  }

  @Test
  void suffixesRepeatedColumnNames() throws Exception {
    ResultTable table =
        new ResultTable(
            List.of("a", "a", "a_2", "a"), List.of(row("1", "2", "3", "4")), "SELECT 1");
    String out = renderer.renderToString(table);
    assertThat(out).isEqualTo("[{\"a\":\"1\",\"a_3\":\"2\",\"a_2\":\"3\",\"a_4\":\"4\"}]\n");
  }

  @Test
  void escapesControlAndBidiCharactersAndLosesNothing() throws Exception {
    String hostile = "\u001B[2J\u0007\u007F\u009B\u202E\u2028 日本 \uD83D\uDC4D \"q\" \\";
    ResultTable table =
        new ResultTable(
            List.of(hostile, "j"), List.of(TEXT, JSON), List.of(row(hostile, "[\"\u009B\"]")), "x");

    String out = renderer.renderToString(table);

    assertThat(out.substring(0, out.length() - 1))
        .doesNotContain("\u001B", "\u0007", "\u007F", "\u009B", "\u202E", "\u2028", "\n")
        .contains("日本", "\uD83D\uDC4D");
    JsonNode parsed = mapper.readTree(out).get(0);
    assertThat(parsed.get(hostile).asText()).isEqualTo(hostile);
    assertThat(parsed.get("j").get(0).asText()).isEqualTo("\u009B");
  }

  @Test
  void nullIsNullForEveryKind() throws Exception {
    ResultTable table =
        new ResultTable(
            List.of("t", "n", "b", "j"),
            List.of(TEXT, NUMBER, BOOLEAN, JSON),
            List.of(Collections.nCopies(4, null)),
            "SELECT 1");
    assertThat(renderer.renderToString(table))
        .isEqualTo("[{\"t\":null,\"n\":null,\"b\":null,\"j\":null}]\n");
  }
}
