package dev.tusk.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnKeysTest {

  @Test
  void keepsDistinctNames() {
    assertThat(ColumnKeys.unique(List.of("id", "name"))).containsExactly("id", "name");
  }

  @Test
  void suffixesLaterRepeats() {
    assertThat(ColumnKeys.unique(List.of("a", "a", "a"))).containsExactly("a", "a_2", "a_3");
  }

  @Test
  void neverTakesAnotherColumnsOwnName() {
    assertThat(ColumnKeys.unique(List.of("a", "a", "a_2", "a_3", "a")))
        .containsExactly("a", "a_4", "a_2", "a_3", "a_5");
    assertThat(ColumnKeys.unique(List.of("a_2", "a", "a_2", "a")))
        .containsExactly("a_2", "a", "a_2_2", "a_3");
  }

  @Test
  void everyKeyIsDistinctForManyRepeats() {
    List<String> columns = java.util.Collections.nCopies(1000, "?column?");
    List<String> keys = ColumnKeys.unique(columns);
    assertThat(new HashSet<>(keys)).hasSize(1000);
    assertThat(keys.get(999)).isEqualTo("?column?_1000");
  }
}
