package dev.tusk.rest.request;

import static dev.tusk.rest.request.Requests.get;
import static dev.tusk.rest.request.Requests.send;
import static dev.tusk.rest.request.Trees.col;
import static dev.tusk.rest.request.Trees.errorOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Input built to hurt: huge, deep, undecodable, or shaped like an injection. */
class HostileInputTest {

  /** Lets 100k-character URLs through the length check so the depth check is what answers. */
  private static final RequestLimits ROOMY =
      new RequestLimits(List.of("content"), false, 2_000_000, RequestLimits.DEFAULT_MAX_DEPTH);

  @Test
  void anOverlongQueryIsRejectedBeforeParsing() {
    String query = "select=" + "a".repeat(RequestLimits.DEFAULT_MAX_QUERY_LENGTH);
    ApiRequestError error = errorOf(() -> get("/t?" + query));
    assertThat(error.code()).isEqualTo("PGRST100");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.message()).isEqualTo("The query string is too long");
    assertThat(error.details()).contains((query.length()) + " characters; the limit is 65536");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select=%s",
        "or=(%s)",
        "and=(a.eq.1,%s)",
        "rel.not.or=(%s)",
      })
  void hundredThousandNestedLevelsFailCleanly(String template) {
    String nested =
        template.startsWith("select")
            ? "a(".repeat(100_000) + "x" + ")".repeat(100_000)
            : "or(".repeat(100_000) + "a.eq.1" + ")".repeat(100_000);
    ApiRequestError error =
        errorOf(() -> send("GET", "/t?" + template.formatted(nested), ROOMY, null));
    assertThat(error.code()).isEqualTo("PGRST100");
    assertThat(error.details().orElseThrow()).contains("deeper than the limit of 64 levels");
    assertThat(error.message().length()).isLessThan(400); // the echo is cut, not 200k long
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select=" + "(",
        "or=" + "(",
        "id=in." + "(",
        "order=" + "(",
        "select=\"",
        "id=eq(any",
      })
  void hundredThousandOpenersFailCleanly(String prefix) {
    String query = prefix + prefix.substring(prefix.indexOf('=') + 1).repeat(100_000);
    ApiRequestError error = errorOf(() -> send("GET", "/t?" + query, ROOMY, null));
    assertThat(error.code()).isEqualTo("PGRST100");
  }

  @Test
  void longFlatInputsParse() {
    String manyColumns = String.join(",", java.util.Collections.nCopies(20_000, "c"));
    assertThat(send("GET", "/t?select=" + manyColumns, ROOMY, null).query().select())
        .hasSize(20_000);
    String longPath = "data" + "->k".repeat(20_000);
    assertThat(send("GET", "/t?" + longPath + "=eq.1", ROOMY, null).query().root().filters())
        .hasSize(1);
    String manyFilters = "a=eq.1&".repeat(20_000);
    assertThat(send("GET", "/t?" + manyFilters, ROOMY, null).query().root().filters())
        .hasSize(20_000);
    String bigList = "id=in.(" + "1,".repeat(50_000) + "1)";
    assertThat(send("GET", "/t?" + bigList, ROOMY, null).query().root().filters()).hasSize(1);
  }

  @Test
  void namesThatLookLikeSqlAreJustNames() {
    ApiRequest r =
        get(
            "/t?select=%22a;b%22,%22x'y%22,%22q%5C%22q%22,%22drop%20table%20t;--%22"
                + "&%221;delete%22=eq.%27;%20drop%20table%20t;--");
    assertThat(r.query().select())
        .containsExactly(col("a;b"), col("x'y"), col("q\"q"), col("drop table t;--"));
    Filter f = r.query().root().filters().get(0);
    assertThat(f.field().name()).isEqualTo("1;delete");
    assertThat(f.operation()).isEqualTo(Trees.cmp(Operator.EQ, "'; drop table t;--"));
    assertThat(get("/t;drop%20table%20x").action())
        .isEqualTo(new Action.Read("t;drop table x", false));
  }

  @Test
  void unquotedSpecialCharactersInNamesAreSyntaxErrors() {
    assertThat(errorOf(() -> get("/t?select=a;b")).details())
        .contains("unexpected \";\" expecting \",\" or end of input");
    assertThat(errorOf(() -> get("/t?a'b=eq.1")).message())
        .isEqualTo("\"failed to parse tree path (a'b)\" (line 1, column 2)");
  }

  @Test
  void jsonIndexesOutsideIntAreErrors() {
    ApiRequestError error = errorOf(() -> get("/t?select=data->99999999999"));
    assertThat(error.details()).contains("JSON array index 99999999999 is out of range");
  }

  @Test
  void nulAndBadUtf8AnywhereInTheQueryAre400() {
    for (String q : List.of("select=a%00", "a%00=eq.1", "a=eq.%00", "or=(a.eq.%C3)", "a=%E2%82")) {
      ApiRequestError error = errorOf(() -> get("/t?" + q));
      assertThat(error.code()).as(q).isEqualTo("PGRST100");
      assertThat(error.status()).as(q).isEqualTo(400);
    }
  }

  @Test
  void emptyAndRepeatedThingsAreHandled() {
    assertThat(get("/t?&&select=id&&").query().select()).containsExactly(col("id"));
    assertThat(get("/t?select=&id=eq.").query().root().filters()).hasSize(1);
    assertThat(errorOf(() -> get("/t?order=")).code()).isEqualTo("PGRST100");
    assertThat(errorOf(() -> get("/t?or=")).code()).isEqualTo("PGRST100");
    assertThat(errorOf(() -> get("/t?columns=")).code()).isEqualTo("PGRST100");
    assertThat(get("/t", "Prefer", "", "Accept", "", "Range-Unit", "items").preferences())
        .isEqualTo(Preferences.none());
  }
}
