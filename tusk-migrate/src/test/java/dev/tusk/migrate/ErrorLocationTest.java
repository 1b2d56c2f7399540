package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorLocationTest {

  private final SqlStatement st =
      new SqlStatement.Plain(10, "CREATE TABLE t (\n  a int,\n  b nope\n)");

  @Test
  void positionMapsToTheLineInTheFile() {
    assertThat(ErrorLocation.line(st, 1, null)).isEqualTo(10);
    int nope = st.sql().indexOf("nope") + 1;
    assertThat(ErrorLocation.line(st, nope, null)).isEqualTo(12);
    assertThat(ErrorLocation.line(st, st.sql().length(), null)).isEqualTo(13);
  }

  @Test
  void noPositionOrOutOfRangeFallsBackSafely() {
    assertThat(ErrorLocation.line(st, 0, null)).isEqualTo(10);
    assertThat(ErrorLocation.line(st, -5, "whatever")).isEqualTo(10);
    assertThat(ErrorLocation.line(st, 1_000_000, null)).isEqualTo(13);
  }

  @Test
  void positionCountsCharactersNotUtf16Units() {
    // the server counts the emoji as one character; Java as two chars
    SqlStatement emoji = new SqlStatement.Plain(1, "SELECT '\uD83D\uDE00',\n nope");
    int serverPosition = "SELECT '?',\n ".length() + 1;
    assertThat(ErrorLocation.line(emoji, serverPosition, null)).isEqualTo(2);
    assertThat(ErrorLocation.line(emoji, serverPosition - 2, null)).isEqualTo(1);
  }

  @Test
  void copyRowErrorsMapToTheDataLine() {
    SqlStatement copy = new SqlStatement.CopyIn(4, "COPY t FROM stdin", 5, "1\nx\n");
    assertThat(ErrorLocation.line(copy, 0, "COPY t, line 2, column a: \"x\"")).isEqualTo(6);
    assertThat(ErrorLocation.line(copy, 0, "something else")).isEqualTo(4);
    assertThat(ErrorLocation.line(copy, 0, null)).isEqualTo(4);
  }
}
