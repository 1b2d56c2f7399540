package dev.tusk.rest.request;

import static dev.tusk.rest.request.Requests.get;
import static dev.tusk.rest.request.Requests.send;
import static dev.tusk.rest.request.Trees.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RangeTest {

  private static RowRange rows(long offset, Long limit) {
    return new RowRange(offset, limit == null ? OptionalLong.empty() : OptionalLong.of(limit));
  }

  static Stream<Arguments> combinations() {
    return Stream.of(
        Arguments.of("", "0-9", rows(0, 10L)),
        Arguments.of("", "0-1", rows(0, 2L)),
        Arguments.of("", "5-", rows(5, null)),
        Arguments.of("", " 3-3 ", rows(3, 1L)),
        Arguments.of("limit=5", "0-9", rows(0, 5L)),
        Arguments.of("offset=5", "0-9", rows(5, 5L)),
        Arguments.of("limit=2&offset=1", "0-9", rows(1, 2L)),
        Arguments.of("limit=20", "5-", rows(5, 15L)),
        Arguments.of("limit=0", "0-9", rows(0, 0L)),
        Arguments.of("limit=2&offset=1", "", rows(1, 2L)),
        Arguments.of("offset=3", "", rows(3, null)));
  }

  @ParameterizedTest
  @MethodSource("combinations")
  void rangeHeaderCombinesWithLimitAndOffset(String query, String range, RowRange expected) {
    ApiRequest request =
        range.isEmpty()
            ? get("/articles?" + query)
            : get("/articles?" + query, "Range", range, "Range-Unit", "items");
    assertThat(request.query().root().range()).isEqualTo(expected);
  }

  static Stream<Arguments> unsatisfiable() {
    return Stream.of(
        Arguments.of("", "10-5", ApiRequestError.InvalidRange.LOWER_GT_UPPER),
        Arguments.of(
            "",
            "abc",
            "The Range header 'abc' is not of the form first-last, e.g. 0-24, or first-, e.g. 25-"),
        Arguments.of(
            "",
            "items=0-9",
            "The Range header 'items=0-9' is not of the form first-last, e.g. 0-24, or first-, e.g. 25-"),
        Arguments.of(
            "",
            "-5",
            "The Range header '-5' is not of the form first-last, e.g. 0-24, or first-, e.g. 25-"),
        Arguments.of(
            "",
            "0-9999999999999999999",
            "The Range header '0-9999999999999999999' is not of the form first-last, e.g. 0-24, or first-, e.g. 25-"),
        Arguments.of(
            "offset=100",
            "0-1",
            "The Range header selects rows 0-1 but limit/offset select rows 100-; they share no row"));
  }

  @ParameterizedTest
  @MethodSource("unsatisfiable")
  void unsatisfiableRangesAre416(String query, String range, String details) {
    ApiRequestError error = errorOf(() -> get("/articles?" + query, "Range", range));
    assertThat(error.code()).isEqualTo("PGRST103");
    assertThat(error.status()).isEqualTo(416);
    assertThat(error.message()).isEqualTo("Requested range not satisfiable");
    assertThat(error.details()).contains(details);
  }

  @Test
  void onlyItemsIsARangeUnit() {
    ApiRequestError error = errorOf(() -> get("/articles", "Range", "0-9", "Range-Unit", "bytes"));
    assertThat(error.details())
        .contains("Range-Unit 'bytes' is not supported; the only unit is items");
    assertThat(get("/articles", "Range", "0-9", "range-unit", "ITEMS").query().root().range())
        .isEqualTo(rows(0, 10L));
  }

  @Test
  void rangeHeaderAppliesToReadsAndFunctionReadsOnly() {
    assertThat(send("HEAD", "/articles", "Range", "0-1").query().root().range())
        .isEqualTo(rows(0, 2L));
    assertThat(get("/rpc/search?q=x", "Range", "0-1").query().root().range())
        .isEqualTo(rows(0, 2L));
    assertThat(send("PATCH", "/articles?id=eq.1", "Range", "0-1").query().root().range().isAll())
        .isTrue();
    assertThat(send("DELETE", "/articles", "Range", "nonsense").query().root().range().isAll())
        .isTrue();
    assertThat(send("POST", "/rpc/f", "Range", "0-1").query().root().range().isAll()).isTrue();
  }

  @Test
  void putMayNotPage() {
    for (String query : new String[] {"id=eq.1&limit=1", "id=eq.1&offset=1"}) {
      ApiRequestError error = errorOf(() -> send("PUT", "/articles?" + query));
      assertThat(error.code()).isEqualTo("PGRST114");
      assertThat(error.status()).isEqualTo(400);
      assertThat(error.message())
          .isEqualTo("limit/offset querystring parameters are not allowed for PUT");
    }
    assertThat(send("PUT", "/articles?id=eq.1&rel.limit=1").query().root().range().isAll())
        .isTrue();
  }

  @Test
  void intersectIsSymmetricAndSaturates() {
    RowRange a = rows(2, 5L);
    RowRange b = rows(4, null);
    assertThat(a.intersect(b)).isEqualTo(b.intersect(a)).isEqualTo(rows(4, 3L));
    RowRange huge = rows(999_999_999_999_999_999L, 999_999_999_999_999_999L);
    assertThat(huge.intersect(RowRange.all())).isEqualTo(huge);
    assertThat(rows(0, 10L).last()).hasValue(9);
    assertThat(RowRange.all().last()).isEmpty();
  }
}
