package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPathsTest {

  @ParameterizedTest
  @CsvSource({
    "bin/postgres, bin/postgres",
    "./bin/postgres, bin/postgres",
    "share//postgresql/./x, share/postgresql/x",
    "lib/, lib",
  })
  void plainNamesAreKept(String name, String expected) {
    assertThat(String.join("/", EntryPaths.components(name))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "..", "a/../b", "a/..", "C:evil", "a\tb", "a\u0000b"})
  void escapingOrGarbledNamesAreRefused(String name) {
    assertThatThrownBy(() -> EntryPaths.components(name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"libpq.so.5, 0", "../lib/libpq.so, 1", "../../a/b, 2", "sub/x, 0"})
  void linksThatStayInsideAreAccepted(String target, int depth) {
    EntryPaths.checkLinkTarget(target, depth);
  }

  @ParameterizedTest
  @CsvSource({
    "../x, 0",
    "../../x, 1",
    "/abs, 3",
    "a/../../x, 3",
    "a/./b, 3",
    "a//b, 3",
    "'', 3",
    "x/.., 3"
  })
  void linksThatCouldLeaveAreRefused(String target, int depth) {
    assertThatThrownBy(() -> EntryPaths.checkLinkTarget(target, depth))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
