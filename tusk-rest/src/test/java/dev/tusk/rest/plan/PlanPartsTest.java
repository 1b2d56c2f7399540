package dev.tusk.rest.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner's small parts: aliases, casts, CSV and form bodies. */
class PlanPartsTest {

  @Test
  void aliasesAreUniqueAndReservedNamesAreAvoided() {
    Aliases a = new Aliases();
    assertThat(a.claim("articles")).isEqualTo("articles");
    assertThat(a.claim("articles")).isEqualTo("articles_1");
    assertThat(a.fresh("articles")).isEqualTo("articles_2");
    assertThat(a.claim("excluded")).isEqualTo("excluded_1");
    assertThat(a.claim("pgrst_source")).isEqualTo("pgrst_source_1");
    assertThat(a.claim("_s")).isEqualTo("_s_1");
  }

  @Test
  void longAliasesAreShortenedBeforeTheSuffixSoTheyStayDistinct() {
    Aliases a = new Aliases();
    String long63 = "x".repeat(63);
    Set<String> seen = new HashSet<>();
    assertThat(a.claim(long63)).isEqualTo(long63);
    for (int i = 0; i < 12; i++) {
      String alias = a.fresh(long63);
      assertThat(alias.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
      assertThat(seen.add(alias)).isTrue();
    }
    String wide = "日".repeat(30); // 90 bytes
    String alias = a.claim(wide);
    assertThat(alias.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
    assertThat(alias).endsWith("_1").startsWith("日");
  }

  @Test
  void castsAreOneWordOrAKnownMultiWordType() {
    assertThat(CastType.check("text")).isEqualTo("text");
    assertThat(CastType.check("INT4")).isEqualTo("INT4");
    assertThat(CastType.check("my_type$2")).isEqualTo("my_type$2");
    assertThat(CastType.check(" Double   Precision ")).isEqualTo("double precision");
    for (String bad :
        List.of("text from x", "1int", "$1", "a;b", "", "int[]", "a.b", "character varying(10)")) {
      assertThatThrownBy(() -> CastType.check(bad)).as(bad).isInstanceOf(PlanException.class);
    }
  }

  @Test
  void csvFieldsQuotesNullsAndLineEnds() {
    assertThat(CsvReader.read("a,b\r\n1,\"x,\"\"y\"\"\nz\"\nNULL,\"NULL\"\n,\n"))
        .containsExactly(
            List.of("a", "b"),
            List.of("1", "x,\"y\"\nz"),
            Arrays.asList(null, "NULL"),
            List.of("", ""));
    assertThat(CsvReader.read("")).isEmpty();
    assertThat(CsvReader.read("a")).containsExactly(List.of("a"));
  }

  @Test
  void malformedCsvIsPgrst102() {
    assertThatThrownBy(() -> CsvReader.read("a\n\"open"))
        .isInstanceOfSatisfying(
            PlanException.class, e -> assertThat(e.error().code()).isEqualTo("PGRST102"));
    assertThatThrownBy(() -> CsvReader.read("a\n\"x\"y"))
        .isInstanceOfSatisfying(
            PlanException.class, e -> assertThat(e.error().code()).isEqualTo("PGRST102"));
  }

  @Test
  void formBodies() {
    assertThat(FormReader.read("name=John+Doe&age=50&e=%C3%A9&flag&name=Jane&&"))
        .containsExactly(
            java.util.Map.entry("name", "Jane"),
            java.util.Map.entry("age", "50"),
            java.util.Map.entry("e", "é"),
            java.util.Map.entry("flag", ""));
    assertThatThrownBy(() -> FormReader.read("a=%zz")).isInstanceOf(PlanException.class);
  }
}
