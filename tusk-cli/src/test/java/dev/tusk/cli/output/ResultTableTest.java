package dev.tusk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  @Test
  void rowsKeepNullsAndAreCopied() {
    List<String> row = new ArrayList<>(Arrays.asList("1", null));
    List<List<String>> rows = new ArrayList<>(List.of(row));
    ResultTable table = new ResultTable(List.of("a", "b"), rows, "SELECT 1");
    row.set(0, "changed");
    rows.add(List.of("x", "y"));

    assertThat(table.rows()).containsExactly(Arrays.asList("1", null));
    assertThat(table.kinds()).containsExactly(ColumnKind.TEXT, ColumnKind.TEXT);
    assertThatThrownBy(() -> table.rows().get(0).set(0, "x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(table.hasResultSet()).isTrue();
  }

  @Test
  void rejectsARowOfTheWrongWidth() {
    assertThatThrownBy(
            () -> new ResultTable(List.of("a", "b"), List.of(List.of("1", "2"), List.of("3")), "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row 2 has 1 values for 2 columns");
  }

  @Test
  void rejectsKindsOfTheWrongLength() {
    assertThatThrownBy(() -> new ResultTable(List.of("a"), List.of(), List.of(), "SELECT 0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kinds has 0 entries for 1 columns");
  }

  @Test
  void rejectsNullColumnNamesAndTag() {
    assertThatThrownBy(() -> new ResultTable(Arrays.asList("a", null), List.of(), "SELECT 0"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ResultTable(List.of("a"), List.of(), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aCommandHasNoResultSet() {
    ResultTable command = ResultTable.command("CREATE TABLE");
    assertThat(command.hasResultSet()).isFalse();
    assertThat(command.commandTag()).isEqualTo("CREATE TABLE");
    assertThat(new ResultTable(List.of("a"), List.of(), "SELECT 0").hasResultSet()).isTrue();
  }
}
