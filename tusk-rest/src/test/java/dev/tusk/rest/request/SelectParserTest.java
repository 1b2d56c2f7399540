package dev.tusk.rest.request;

import static dev.tusk.rest.request.Trees.agg;
import static dev.tusk.rest.request.Trees.arrow;
import static dev.tusk.rest.request.Trees.arrow2;
import static dev.tusk.rest.request.Trees.col;
import static dev.tusk.rest.request.Trees.embed;
import static dev.tusk.rest.request.Trees.errorOf;
import static dev.tusk.rest.request.Trees.field;
import static dev.tusk.rest.request.Trees.spread;
import static dev.tusk.rest.request.Trees.star;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SelectParserTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("id", List.of(col("id"))),
        Arguments.of("*", List.of(star())),
        Arguments.of("", List.of()),
        Arguments.of("id,name", List.of(col("id"), col("name"))),
        Arguments.of(" id , name ", List.of(col("id"), col("name"))),
        Arguments.of("first name", List.of(col("first name"))),
        Arguments.of("field-with_sep", List.of(col("field-with_sep"))),
        Arguments.of("$x,_y,1", List.of(col("$x"), col("_y"), col("1"))),
        Arguments.of("名前", List.of(col("名前"))),
        Arguments.of("\"a,b\"", List.of(col("a,b"))),
        Arguments.of("\"a;b\",\"x\\\"y\"", List.of(col("a;b"), col("x\"y"))),
        Arguments.of("\"drop table x;--\"", List.of(col("drop table x;--"))),
        Arguments.of("myId:id", List.of(col(field("id"), "myId", null))),
        Arguments.of("id::text", List.of(col(field("id"), null, "text"))),
        Arguments.of("myId:id::text", List.of(col(field("id"), "myId", "text"))),
        Arguments.of("\"my:id\":id", List.of(col(field("id"), "my:id", null))),
        Arguments.of(
            "data->a->>b", List.of(col(field("data", arrow("a"), arrow2("b")), null, null))),
        Arguments.of("data->0", List.of(col(field("data", arrow(0)), null, null))),
        Arguments.of("data->-1", List.of(col(field("data", arrow(-1)), null, null))),
        Arguments.of("data->>12", List.of(col(field("data", arrow2(12)), null, null))),
        Arguments.of("data->1a", List.of(col(field("data", arrow("1a")), null, null))),
        Arguments.of("data->\"a.b\"", List.of(col(field("data", arrow("a.b")), null, null))),
        Arguments.of("data->a-b", List.of(col(field("data", arrow("a-b")), null, null))),
        Arguments.of(
            "data->!@#$%^&*_a", List.of(col(field("data", arrow("!@#$%^&*_a")), null, null))),
        Arguments.of(
            "lang:metadata->>lang", List.of(col(field("metadata", arrow2("lang")), "lang", null))),
        Arguments.of("x:data->a::int", List.of(col(field("data", arrow("a")), "x", "int"))),
        Arguments.of("count", List.of(col("count"))),
        Arguments.of(
            "count()", List.of(new SelectItem.CountAll(Optional.empty(), Optional.empty()))),
        Arguments.of(
            "total:count()::int",
            List.of(new SelectItem.CountAll(Optional.of("total"), Optional.of("int")))),
        Arguments.of(
            "amount.sum()", List.of(agg("amount", null, null, AggregateFunction.SUM, null))),
        Arguments.of(
            "amount.avg()::int", List.of(agg("amount", null, null, AggregateFunction.AVG, "int"))),
        Arguments.of(
            "s:amount::numeric.max()::text",
            List.of(agg("amount", "s", "numeric", AggregateFunction.MAX, "text"))),
        Arguments.of(
            "amount.min()", List.of(agg("amount", null, null, AggregateFunction.MIN, null))),
        Arguments.of("id.count()", List.of(agg("id", null, null, AggregateFunction.COUNT, null))),
        Arguments.of("clients(*)", List.of(embed("clients", star()))),
        Arguments.of("clients()", List.of(embed("clients"))),
        Arguments.of("clients ( id )", List.of(embed("clients", col("id")))),
        Arguments.of(
            "client:clients(clientId:id,name)",
            List.of(
                embed(
                    "clients",
                    "client",
                    null,
                    null,
                    col(field("id"), "clientId", null),
                    col("name")))),
        Arguments.of(
            "files!touched_files(*)", List.of(embed("files", null, "touched_files", null, star()))),
        Arguments.of("c!inner(name)", List.of(embed("c", null, null, JoinType.INNER, col("name")))),
        Arguments.of("c!left(name)", List.of(embed("c", null, null, JoinType.LEFT, col("name")))),
        Arguments.of("c!fk!inner(*)", List.of(embed("c", null, "fk", JoinType.INNER, star()))),
        Arguments.of("a:c!inner!fk(*)", List.of(embed("c", "a", "fk", JoinType.INNER, star()))),
        Arguments.of("c!\"fk.x\"(*)", List.of(embed("c", null, "fk.x", null, star()))),
        Arguments.of(
            "id,...categories(category:name)",
            List.of(
                col("id"), spread("categories", null, null, col(field("name"), "category", null)))),
        Arguments.of("...c!fk!left(a)", List.of(spread("c", "fk", JoinType.LEFT, col("a")))),
        Arguments.of(
            "name,articles(title,comments(author))",
            List.of(
                col("name"), embed("articles", col("title"), embed("comments", col("author"))))),
        Arguments.of(
            "*,clients(*,nested(*))",
            List.of(star(), embed("clients", star(), embed("nested", star())))),
        Arguments.of(
            "id,orders(amount.sum(),count())",
            List.of(
                col("id"),
                embed(
                    "orders",
                    agg("amount", null, null, AggregateFunction.SUM, null),
                    new SelectItem.CountAll(Optional.empty(), Optional.empty())))));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parses(String input, List<SelectItem> expected) {
    assertThat(SelectParser.parse(input, 64)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("id,clients(name[])", 16, "unexpected \"[\" expecting \",\" or \")\""),
        Arguments.of("id,", 4, "unexpected end of input expecting field name (* or [a..z0..9_$])"),
        Arguments.of(",id", 1, "unexpected \",\" expecting field name (* or [a..z0..9_$])"),
        Arguments.of("id,,x", 4, "unexpected \",\" expecting field name (* or [a..z0..9_$])"),
        Arguments.of("*!hint", 2, "unexpected \"!\" expecting \",\" or end of input"),
        Arguments.of("name!hint", 10, "unexpected end of input expecting \"(\""),
        Arguments.of("name::", 7, "unexpected end of input expecting cast type (letter or digit)"),
        Arguments.of("clients(id", 11, "unexpected end of input expecting \",\" or \")\""),
        Arguments.of("a)b", 2, "unexpected \")\" expecting \",\" or end of input"),
        Arguments.of(
            "amount.foo()",
            8,
            "unexpected \"f\" expecting \"sum()\", \"avg()\", \"count()\", \"max()\" or \"min()\""),
        Arguments.of(
            "amount.sum",
            8,
            "unexpected \"s\" expecting \"sum()\", \"avg()\", \"count()\", \"max()\" or \"min()\""),
        Arguments.of(
            "data->>-78xy",
            11,
            "unexpected \"x\" expecting digit, \"->\", \"::\", \".\", \",\" or end of input"),
        Arguments.of("data->>-xy", 9, "unexpected \"x\" expecting digit"),
        Arguments.of(
            "data->", 7, "unexpected end of input expecting JSON key (any character but .,:>()-)"),
        Arguments.of("rel->jsonpath(*)", 14, "unexpected \"(\" expecting \",\" or end of input"),
        Arguments.of("\"open", 6, "unexpected end of input expecting \"\\\"\""),
        Arguments.of("a-", 3, "unexpected end of input expecting letter or digit"),
        Arguments.of(
            "alias:...rel(*)", 7, "unexpected \".\" expecting field name (* or [a..z0..9_$])"),
        Arguments.of("c!a!b!c(*)", 6, "unexpected \"!\" expecting \"(\""),
        Arguments.of("😀", 1, "unexpected \"😀\" expecting field name (* or [a..z0..9_$])"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejectsWithPositionAndExpectation(String input, int column, String details) {
    ApiRequestError error = errorOf(() -> SelectParser.parse(input, 64));
    assertThat(error.code()).isEqualTo("PGRST100");
    assertThat(error.status()).isEqualTo(400);
    assertThat(error.message())
        .isEqualTo(
            "\"failed to parse select parameter (" + input + ")\" (line 1, column " + column + ")");
    assertThat(error.details()).contains(details);
  }

  @org.junit.jupiter.api.Test
  void nestingUpToTheLimitParsesAndOneMoreFails() {
    String atLimit = "a(".repeat(63) + "x" + ")".repeat(63);
    assertThat(SelectParser.parse(atLimit, 64)).hasSize(1);

    String beyond = "a(".repeat(64) + "x" + ")".repeat(64);
    ApiRequestError error = errorOf(() -> SelectParser.parse(beyond, 64));
    assertThat(error.details())
        .contains("embedded resources nest deeper than the limit of 64 levels");
  }
}
