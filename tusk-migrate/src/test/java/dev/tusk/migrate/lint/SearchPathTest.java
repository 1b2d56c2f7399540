package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code set_config('search_path', ...)} values: a comma list with quoted and folded names. */
class SearchPathTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|",
        "public|public",
        "'\"$user\", public'|public",
        "' App , \"My Schema\",pg_temp, x'|app;My Schema;x",
        "'\"a,\"\"b\"\" c\"'|a,\"b\" c",
        "',,a,,'|a",
        "'\"unterminated'|unterminated"
      })
  void parses(String value, String expected) {
    List<String> want = expected == null ? List.of() : List.of(expected.split(";"));
    assertThat(SearchPath.parse(value == null ? "" : value).schemas()).isEqualTo(want);
  }
}
