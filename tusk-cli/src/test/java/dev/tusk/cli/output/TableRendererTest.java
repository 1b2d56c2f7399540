package dev.tusk.cli.output;

import static dev.tusk.cli.output.ColumnKind.NUMBER;
import static dev.tusk.cli.output.ColumnKind.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {

  private final TableRenderer renderer = new TableRenderer();

  private static List<String> row(String... values) {
    return Arrays.asList(values);
  }

  @Test
  void alignsLikePsql() {
    ResultTable table =
        new ResultTable(
            List.of("id", "name"),
            List.of(NUMBER, TEXT),
            List.of(row("1", "alice"), row("22", "bob")),
            "SELECT 2");

    assertThat(renderer.renderToString(table))
        .isEqualTo(
            """
             id | name
            ----+-------
              1 | alice
             22 | bob
            (2 rows)
            """);
  }

  @Test
  void centresHeadersAndCountsOneRowAndNoRows() {
    ResultTable one = new ResultTable(List.of("x", "y"), List.of(row("abcdef", "1")), "SELECT 1");
    assertThat(renderer.renderToString(one))
        .isEqualTo("   x    | y\n" + "--------+---\n" + " abcdef | 1\n" + "(1 row)\n");

    ResultTable none = new ResultTable(List.of("column"), List.of(), "SELECT 0");
    assertThat(renderer.renderToString(none))
        .isEqualTo(
            """
             column
            --------
            (0 rows)
            """);
  }

  @Test
  void showsNullAsEmptyOrAsConfigured() {
    ResultTable table =
        new ResultTable(
            List.of("n", "t"), List.of(NUMBER, TEXT), List.of(row(null, null)), "SELECT 1");

    assertThat(renderer.renderToString(table)).isEqualTo(" n | t\n---+---\n   |\n(1 row)\n");
    assertThat(new TableRenderer("∅").renderToString(table))
        .isEqualTo(" n | t\n---+---\n ∅ | ∅\n(1 row)\n");
  }

  @Test
  void continuesMultiLineValuesWithAPlusMarker() {
    ResultTable table =
        new ResultTable(
            List.of("v", "w"), List.of(row("a\nbb", "x"), row("c", "1\n2\n")), "SELECT 2");

    assertThat(renderer.renderToString(table))
        .isEqualTo(
            """
             v  | w
            ----+---
             a +| x
             bb |
             c  | 1+
                | 2+
                |
            (2 rows)
            """);
  }

  @Test
  void measuresWideCharactersByDisplayWidth() {
    ResultTable table =
        new ResultTable(
            List.of("name", "n"),
            List.of(TEXT, NUMBER),
            List.of(
                row("日本", "1"),
                row("ab", "2"),
                row("\uD83D\uDC4D", "3"),
                row("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "4"),
                row("e\u0301", "5")),
            "SELECT 5");

    assertThat(renderer.renderToString(table))
        .isEqualTo(
            """
             name | n
            ------+---
             日本 | 1
             ab   | 2
             \uD83D\uDC4D   | 3
             \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67   | 4
             e\u0301    | 5
            (5 rows)
            """);
  }

  @Test
  void escapesHostileValuesColumnNamesAndTags() {
    ResultTable table =
        new ResultTable(
            List.of("\u001B]0;pwned\u0007"),
            List.of(row("\u001B[2J\u001B[31mred\u009B"), row("\u202Eexe.txt")),
            "SELECT 2");

    String out = renderer.renderToString(table);

    // Widest value: \x1b[2J\x1b[31mred\x9b, 22 columns once escaped.
    assertThat(out)
        .isEqualTo(
            "    \\x1b]0;pwned\\x07\n"
                + "-".repeat(24)
                + "\n"
                + " \\x1b[2J\\x1b[31mred\\x9b\n"
                + " \\u202eexe.txt\n"
                + "(2 rows)\n");
    assertThat(out.chars().filter(ch -> ch < 0x20 && ch != '\n')).isEmpty();
    assertThat(ResultTable.command("OK\u001B[2J"))
        .satisfies(t -> assertThat(renderer.renderToString(t)).isEqualTo("OK\\x1b[2J\n"));
  }

  @Test
  void printsTheCommandTagForAStatementWithoutResultSet() {
    assertThat(renderer.renderToString(ResultTable.command("INSERT 0 1")))
        .isEqualTo("INSERT 0 1\n");
  }

  @Test
  void resultWithZeroColumnsLooksLikePsql() {
    ResultTable selectNothing = new ResultTable(List.of(), List.of(List.of()), "SELECT 1");
    assertThat(renderer.renderToString(selectNothing)).isEqualTo("--\n(1 row)\n");
  }

  @Test
  void rendersManyRowsLineByLine() {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      rows.add(row(Integer.toString(i), "v" + i));
    }
    String out =
        renderer.renderToString(
            new ResultTable(List.of("i", "v"), List.of(NUMBER, TEXT), rows, "SELECT 50000"));

    String[] lines = out.split("\n");
    assertThat(lines).hasSize(50_000 + 3);
    assertThat(lines[2]).isEqualTo("     0 | v0");
    assertThat(lines[50_001]).isEqualTo(" 49999 | v49999");
    assertThat(lines[50_002]).isEqualTo("(50000 rows)");
  }
}
