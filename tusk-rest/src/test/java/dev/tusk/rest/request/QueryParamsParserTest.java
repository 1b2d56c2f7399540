package dev.tusk.rest.request;

import static dev.tusk.rest.request.Requests.get;
import static dev.tusk.rest.request.Requests.send;
import static dev.tusk.rest.request.Trees.cmp;
import static dev.tusk.rest.request.Trees.col;
import static dev.tusk.rest.request.Trees.embed;
import static dev.tusk.rest.request.Trees.errorOf;
import static dev.tusk.rest.request.Trees.filter;
import static dev.tusk.rest.request.Trees.leaf;
import static dev.tusk.rest.request.Trees.or;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParamsParserTest {

  @Test
  void withoutSelectEveryColumnIsSelected() {
    assertThat(get("/articles").query().select()).containsExactly(Trees.star());
  }

  @Test
  void filtersGoToTheirEmbedPath() {
    QueryParams q =
        get("/clients?select=id,projects(id,tasks(id,name))&projects.tasks.name=like.Design*"
                + "&id=eq.1&projects.id=gt.2")
            .query();
    assertThat(q.root().filters()).containsExactly(filter("id", cmp(Operator.EQ, "1")));
    assertThat(q.node(EmbedPath.of("projects")).filters())
        .containsExactly(filter("id", cmp(Operator.GT, "2")));
    assertThat(q.node(EmbedPath.of("projects", "tasks")).filters())
        .containsExactly(filter("name", cmp(Operator.LIKE, "Design%")));
    assertThat(q.select())
        .containsExactly(
            col("id"), embed("projects", col("id"), embed("tasks", col("id"), col("name"))));
  }

  @Test
  void jsonPathAndQuotedKeysAreColumns() {
    QueryParams q = get("/articles?metadata->>lang=eq.es&%22information.cpe%22=like.*MS*").query();
    assertThat(q.root().filters())
        .containsExactly(
            new Filter(
                Trees.field("metadata", Trees.arrow2("lang")), false, cmp(Operator.EQ, "es")),
            filter("information.cpe", cmp(Operator.LIKE, "%MS%")));
  }

  @Test
  void embedNullChecksAreFiltersOnTheEmbedName() {
    QueryParams q = get("/articles?select=id,categories(id)&categories=not.is.null").query();
    assertThat(q.root().filters())
        .containsExactly(Trees.notFilter("categories", new Operation.Is(Operation.IsValue.NULL)));
  }

  @Test
  void logicTreesAtEveryLevelAndNegated() {
    QueryParams q =
        get("/a?or=(x.eq.1,y.eq.2)&not.and=(x.eq.3)&rel.or=(z.eq.4)&rel.sub.not.or=(w.eq.5)")
            .query();
    assertThat(q.root().logic())
        .containsExactly(
            or(leaf("x", Operator.EQ, "1"), leaf("y", Operator.EQ, "2")),
            new LogicTree.Node(
                true, LogicTree.Connective.AND, List.of(leaf("x", Operator.EQ, "3"))));
    assertThat(q.node(EmbedPath.of("rel")).logic())
        .containsExactly(or(leaf("z", Operator.EQ, "4")));
    assertThat(q.node(EmbedPath.of("rel", "sub")).logic())
        .containsExactly(
            new LogicTree.Node(
                true, LogicTree.Connective.OR, List.of(leaf("w", Operator.EQ, "5"))));
  }

  @Test
  void repeatedFiltersAndLogicTreesAreAllKept() {
    QueryParams q = get("/a?id=gt.1&id=lt.9&or=(a.eq.1,b.eq.1)&or=(c.eq.1,d.eq.1)").query();
    assertThat(q.root().filters()).hasSize(2);
    assertThat(q.root().logic()).hasSize(2);
  }

  @Test
  void orderLimitOffsetPerEmbed() {
    QueryParams q =
        get("/articles?select=id,comments(id)&order=id.desc&comments.order=id&comments.limit=1"
                + "&comments.offset=2&limit=10&offset=5")
            .query();
    assertThat(q.root().order()).hasSize(1);
    assertThat(q.root().range()).isEqualTo(new RowRange(5, OptionalLong.of(10)));
    NodeParams comments = q.node(EmbedPath.of("comments"));
    assertThat(comments.order()).hasSize(1);
    assertThat(comments.range()).isEqualTo(new RowRange(2, OptionalLong.of(1)));
  }

  @Test
  void columnsAndOnConflict() {
    QueryParams q =
        send("POST", "/labels?columns=id,%22my%20name%22&on_conflict=id,%20name").query();
    assertThat(q.columns()).contains(List.of("id", "my name"));
    assertThat(q.onConflict()).contains(List.of("id", "name"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "select=id&select=name",
        "order=id&order=name",
        "limit=1&limit=2",
        "rel.offset=1&rel.offset=2",
        "columns=a&columns=b",
        "on_conflict=a&on_conflict=a"
      })
  void singleValuedParametersMayNotRepeat(String query) {
    ApiRequestError error = errorOf(() -> get("/a?" + query));
    assertThat(error.code()).isEqualTo("PGRST100");
    assertThat(error.message()).contains("is given more than once");
  }

  @Test
  void parametersWithoutValueAreIgnoredButEmptyValuesAreParsed() {
    assertThat(get("/a?flag&select=id").query().root().filters()).isEmpty();
    assertThat(get("/a?select=").query().select()).isEmpty();
    assertThat(errorOf(() -> get("/a?id=")).details())
        .contains("unexpected end of input expecting \"not\" or operator (eq, gt, ...)");
  }

  @Test
  void aValueWithoutOperatorIsAnErrorOnTables() {
    ApiRequestError error = errorOf(() -> get("/ghostBusters?id=0"));
    assertThat(error.message()).isEqualTo("\"failed to parse filter (0)\" (line 1, column 1)");
    assertThat(error.details())
        .contains("unexpected \"0\" expecting \"not\" or operator (eq, gt, ...)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a|1|false",
        "q|draft|false",
        "x|not|false",
        "x|in|false",
        "x|eq|false",
        "x|2020-01-01.5|false",
        "x|eq.1|true",
        "x|not.eq.1|true",
        "x|in.(1)|true",
        "x|is.null|true",
        "x|isdistinct.1|true",
        "x|fts(english).cat|true",
        "x|eq(any).{1,2}|true",
        "rel.x|eq.1|true"
      })
  void functionReadsSplitArgumentsFromFilters(String key, String value, boolean filter) {
    assertThat(QueryParamsParser.looksLikeFilter(key, value)).isEqualTo(filter);
  }

  @Test
  void functionReadKeepsArgumentsInOrderIncludingRepeats() {
    QueryParams q = get("/rpc/search?q=draft&v=1&v=2&select=id&order=id&id=gt.0").query();
    assertThat(q.rpcArguments())
        .containsExactly(
            new RpcArgument("q", "draft"), new RpcArgument("v", "1"), new RpcArgument("v", "2"));
    assertThat(q.root().filters()).containsExactly(filter("id", cmp(Operator.GT, "0")));
  }

  @Test
  void functionPostsTakeNoArgumentsFromTheQuery() {
    ApiRequestError error = errorOf(() -> send("POST", "/rpc/add?a=1"));
    assertThat(error.message()).isEqualTo("\"failed to parse filter (1)\" (line 1, column 1)");
  }

  @Test
  void limitAndOffsetMustBeWholeNumbers() {
    assertThat(get("/a?limit=0").query().root().range())
        .isEqualTo(new RowRange(0, OptionalLong.of(0)));
    ApiRequestError negative = errorOf(() -> get("/a?limit=-1"));
    assertThat(negative.code()).isEqualTo("PGRST103");
    assertThat(negative.status()).isEqualTo(416);
    assertThat(negative.details()).contains("Limit should be greater than or equal to zero.");
    for (String bad :
        List.of(
            "limit=abc",
            "limit=",
            "limit=1.5",
            "offset=-1",
            "offset=x",
            "limit=9999999999999999999")) {
      ApiRequestError error = errorOf(() -> get("/a?" + bad));
      assertThat(error.code()).as(bad).isEqualTo("PGRST100");
      assertThat(error.details())
          .as(bad)
          .contains(Optional.of("expected a whole number from 0 to 999999999999999999").get());
    }
  }

  @Test
  void keysThatAreNotPathsAreRejected() {
    assertThat(errorOf(() -> get("/a?=eq.1")).message())
        .isEqualTo("\"failed to parse tree path ()\" (line 1, column 1)");
    assertThat(errorOf(() -> get("/a?a..b=eq.1")).message())
        .isEqualTo("\"failed to parse tree path (a..b)\" (line 1, column 3)");
    assertThat(errorOf(() -> get("/a?a..order=id")).code()).isEqualTo("PGRST100");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ".or=(a.eq.1)",
        ".not.or=(a.eq.1)",
        ".order=id",
        ".limit=1",
        ".offset=1",
        "a.=eq.1",
        "%20=eq.1",
        "a.%20.order=id",
        "select=a:%20",
        "select=a-%20"
      })
  void emptyNamesAreNotTheRoot(String query) {
    ApiRequestError error = errorOf(() -> get("/a?" + query));
    assertThat(error.code()).isEqualTo("PGRST100");
    assertThat(error.details().orElseThrow()).contains("expecting");
  }
}
