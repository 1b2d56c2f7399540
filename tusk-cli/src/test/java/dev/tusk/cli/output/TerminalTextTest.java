package dev.tusk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.cli.output.TerminalText.Line;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalTextTest {

  @ParameterizedTest(name = "{0} is {1} columns wide")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "abc => 3",
        "日本語 => 6", // CJK ideographs: wide
        "한국 => 4", // Hangul syllables: wide
        "ｱｲ => 2", // halfwidth katakana: narrow
        "ＡＢ => 4", // fullwidth Latin: wide
        "e\u0301 => 1", // e + combining acute: one column
        "\uD83D\uDC4D => 2", // thumbs up
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 => 2", // family: one ZWJ cluster
        "\uD83D\uDC4D\uD83C\uDFFD => 2", // thumbs up + skin tone
        "\uD83C\uDDEF\uD83C\uDDF5 => 2", // flag: two regional indicators
        "\u2764\uFE0F => 2", // heart + emoji presentation selector
        "\u2764 => 1", // heart as text
        "a\u200Bb => 2", // zero-width space
        "\u1100\u1161\u11A8 => 2", // Hangul jamo L+V+T: one syllable
        "\u00AD => 1", // soft hyphen
      })
  void displayWidth(String text, int width) {
    assertThat(TerminalText.width(text)).isEqualTo(width);
  }

  @ParameterizedTest(name = "{0} is shown as {1}")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "'\u001B[31mred' => '\\x1b[31mred'",
        "'ding\u0007' => 'ding\\x07'",
        "'a\rb' => 'a\\x0db'",
        "'del\u007F' => 'del\\x7f'",
        "'csi\u009B2J' => 'csi\\x9b2J'",
        "'\u202Eevil' => '\\u202eevil'",
        "'\u2066iso\u2069' => '\\u2066iso\\u2069'",
        "'line\u2028sep' => 'line\\u2028sep'",
        "'lone\uD800' => 'lone\\ud800'",
      })
  void escapesControlCharacters(String raw, String shown) {
    List<Line> lines = TerminalText.lines(raw);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).text()).isEqualTo(shown);
    assertThat(lines.get(0).width()).isEqualTo(shown.length());
  }

  @Test
  void escapesNul() {
    // Not in the table above: JUnit's CSV source drops NUL characters.
    assertThat(TerminalText.lines("nul\u0000!")).containsExactly(new Line("nul\\x00!", 8));
  }

  @Test
  void escapedTextContainsNoControlCharacters() {
    StringBuilder every = new StringBuilder();
    for (int cp = 0; cp < 0x3000; cp++) {
      every.appendCodePoint(cp);
    }
    for (Line line : TerminalText.lines(every.toString())) {
      line.text().codePoints().forEach(cp -> assertThat(TerminalText.isUnsafe(cp)).isFalse());
      assertThat(line.text()).doesNotContain("\t");
    }
  }

  @Test
  void splitsOnNewlinesKeepingEmptyLines() {
    assertThat(TerminalText.lines("a\n\nbb\n"))
        .containsExactly(new Line("a", 1), new Line("", 0), new Line("bb", 2), new Line("", 0));
    assertThat(TerminalText.lines("")).containsExactly(new Line("", 0));
  }

  @Test
  void expandsTabsToStopsOfEight() {
    assertThat(TerminalText.lines("a\tb")).containsExactly(new Line("a       b", 9));
    assertThat(TerminalText.lines("12345678\tx"))
        .containsExactly(new Line("12345678        x", 17));
    assertThat(TerminalText.lines("日本\tx")).containsExactly(new Line("日本    x", 9));
  }
}
