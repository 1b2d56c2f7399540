package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "1, 2",
    "9, 10",
    "1.9, 1.10",
    "1.2, 1.2.1",
    "1_9, 1_10",
    "1.99, 2",
    "20260101120000, 20260101120001",
    "99999999999999999999, 100000000000000000000"
  })
  void ordersNumericallySegmentBySegment(String lower, String higher) {
    assertThat(Version.parse(lower)).isLessThan(Version.parse(higher));
    assertThat(Version.parse(higher)).isGreaterThan(Version.parse(lower));
  }

  @ParameterizedTest(name = "{0} == {1}")
  @CsvSource({"1, 001", "1.2, 1_2", "1, 1.0", "1, 1_0_0", "0, 000", "2.0.1, 02.00.01"})
  void spellingsOfOneNumberAreOneVersion(String a, String b) {
    assertThat(Version.parse(a)).isEqualTo(Version.parse(b));
    assertThat(Version.parse(a).compareTo(Version.parse(b))).isZero();
    assertThat(Version.parse(a).toString()).isEqualTo(Version.parse(b).toString());
  }

  @Test
  void canonicalText() {
    assertThat(Version.parse("001").toString()).isEqualTo("1");
    assertThat(Version.parse("1_2_0").toString()).isEqualTo("1.2");
    assertThat(Version.parse("20260101120000").toString()).isEqualTo("20260101120000");
    assertThat(Version.parse("0.0").toString()).isEqualTo("0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a", "1.", ".1", "1..2", "1__2", "-1", "1a", " 1", "1 ", "1,2", "١"})
  void rejectsNonVersions(String text) {
    assertThatThrownBy(() -> Version.parse(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'" + text + "'")
        .extracting(e -> ((ConfigException) e).code())
        .isEqualTo("migrate.bad_version");
  }

  @Test
  void rejectsAbsurdlyLongVersionsAndNull() {
    assertThatThrownBy(() -> Version.parse("1".repeat(65))).isInstanceOf(ConfigException.class);
    assertThat(Version.parse("1".repeat(64)).toString()).hasSize(64);
    assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(ConfigException.class);
  }

  @Test
  void sortingAShuffledListGivesNumericOrder() {
    List<String> ordered = List.of("0.5", "1", "1.1", "1.2", "1.10", "2", "10", "100");
    List<Version> shuffled = new ArrayList<>(ordered.stream().map(Version::parse).toList());
    Collections.shuffle(shuffled, new Random(7));
    Collections.sort(shuffled);
    assertThat(shuffled.stream().map(Version::toString)).containsExactlyElementsOf(ordered);
  }
}
