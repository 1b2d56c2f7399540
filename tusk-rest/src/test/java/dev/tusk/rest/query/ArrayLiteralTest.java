package dev.tusk.rest.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayLiteralTest {

  @Test
  void everyElementIsQuotedWithQuotesAndBackslashesEscaped() {
    assertThat(ArrayLiteral.of(List.of())).isEqualTo("{}");
    assertThat(ArrayLiteral.of(List.of("a"))).isEqualTo("{\"a\"}");
    assertThat(ArrayLiteral.of(List.of("a,b", "{c}", "d\"e", "f\\g", "NULL", "", " h ", "日本")))
        .isEqualTo("{\"a,b\",\"{c}\",\"d\\\"e\",\"f\\\\g\",\"NULL\",\"\",\" h \",\"日本\"}");
  }

  @Test
  void javaNullIsAnSqlNullElement() {
    assertThat(ArrayLiteral.of(Arrays.asList("a", null))).isEqualTo("{\"a\",NULL}");
  }
}
