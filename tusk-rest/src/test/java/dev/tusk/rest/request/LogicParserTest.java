package dev.tusk.rest.request;

import static dev.tusk.rest.request.Trees.and;
import static dev.tusk.rest.request.Trees.errorOf;
import static dev.tusk.rest.request.Trees.filter;
import static dev.tusk.rest.request.Trees.fts;
import static dev.tusk.rest.request.Trees.in;
import static dev.tusk.rest.request.Trees.leaf;
import static dev.tusk.rest.request.Trees.notAnd;
import static dev.tusk.rest.request.Trees.notFilter;
import static dev.tusk.rest.request.Trees.or;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.request.LogicTree.Connective;
import dev.tusk.rest.request.Operation.FtsOperator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogicParserTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of(
            "(word_count.lt.500,status.eq.draft)",
            or(leaf("word_count", Operator.LT, "500"), leaf("status", Operator.EQ, "draft"))),
        Arguments.of(
            "(a.eq.1,and(b.gt.2,c.lt.3))",
            or(
                leaf("a", Operator.EQ, "1"),
                and(leaf("b", Operator.GT, "2"), leaf("c", Operator.LT, "3")))),
        Arguments.of(
            "(a.eq.1,not.and(b.gt.2,or(c.lt.3)))",
            or(
                leaf("a", Operator.EQ, "1"),
                notAnd(leaf("b", Operator.GT, "2"), or(leaf("c", Operator.LT, "3"))))),
        Arguments.of(
            "( a.eq.1 , and (b.eq.2) )",
            or(leaf("a", Operator.EQ, "1 "), and(leaf("b", Operator.EQ, "2")))),
        Arguments.of(
            "(name.eq.\"Smith, John\",name.eq.\"a)b\")",
            or(leaf("name", Operator.EQ, "Smith, John"), leaf("name", Operator.EQ, "a)b"))),
        Arguments.of("(name.eq.\"say \\\"hi\\\"\")", or(leaf("name", Operator.EQ, "say \"hi\""))),
        Arguments.of("(name.eq.\"a\"b)", or(leaf("name", Operator.EQ, "\"a\"b"))),
        Arguments.of("(name.eq.\"open)", or(leaf("name", Operator.EQ, "\"open"))),
        Arguments.of("(tags.cs.{a)", or(leaf("tags", Operator.CS, "{a"))),
        Arguments.of(
            "(tags.cs.{a,b},id.eq.1)",
            or(leaf("tags", Operator.CS, "{a,b}"), leaf("id", Operator.EQ, "1"))),
        Arguments.of(
            "(id.in.(1,2),id.eq.3)",
            or(new LogicTree.Leaf(filter("id", in("1", "2"))), leaf("id", Operator.EQ, "3"))),
        Arguments.of(
            "(a.not.eq.1)", or(new LogicTree.Leaf(notFilter("a", Trees.cmp(Operator.EQ, "1"))))),
        Arguments.of("(a.like.*x*)", or(leaf("a", Operator.LIKE, "%x%"))),
        Arguments.of(
            "(not.eq.1,or.eq.2,and.eq.3)",
            or(
                leaf("not", Operator.EQ, "1"),
                leaf("or", Operator.EQ, "2"),
                leaf("and", Operator.EQ, "3"))),
        Arguments.of("(a.eq.)", or(leaf("a", Operator.EQ, ""))),
        Arguments.of(
            "(data->>k.eq.v)",
            or(
                new LogicTree.Leaf(
                    new Filter(
                        Trees.field("data", Trees.arrow2("k")),
                        false,
                        Trees.cmp(Operator.EQ, "v"))))),
        Arguments.of(
            "(tsv.phfts(german).Art Spass, tsv.fts(english).impossible)",
            or(
                new LogicTree.Leaf(filter("tsv", fts(FtsOperator.PHFTS, "german", "Art Spass"))),
                new LogicTree.Leaf(filter("tsv", fts(FtsOperator.FTS, "english", "impossible"))))));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void parses(String value, LogicTree expected) {
    assertThat(LogicParser.parse(false, Connective.OR, value, 64)).isEqualTo(expected);
  }

  @Test
  void theKeyDecidesTheTopConnectiveAndNegation() {
    assertThat(LogicParser.parse(true, Connective.AND, "(a.eq.1)", 64))
        .isEqualTo(new LogicTree.Node(true, Connective.AND, List.of(leaf("a", Operator.EQ, "1"))));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        // Columns count from the glued "or(...)" text, as PostgREST's do.
        Arguments.of(
            "()",
            4,
            "unexpected \")\" expecting field name (* or [a..z0..9_$]), negation operator (not) or logic operator (and, or)"),
        Arguments.of("(id.in.1,2,id.eq.3)", 10, "unexpected \"1\" expecting \"(\""),
        Arguments.of(")(", 3, "unexpected \")\" expecting \"(\""),
        Arguments.of("", 3, "unexpected end of input expecting \"(\""),
        Arguments.of("(a.eq.1", 10, "unexpected end of input expecting \",\" or \")\""),
        Arguments.of("(a.eq.1))", 11, "unexpected \")\" expecting end of input"),
        Arguments.of(
            "(a.eq.1,not.xor(b.eq.2))",
            15,
            "unexpected \"xor\" expecting \"not\" or operator (eq, gt, ...)"),
        Arguments.of(
            "(a.eq.1,)",
            11,
            "unexpected \")\" expecting field name (* or [a..z0..9_$]), negation operator (not) or logic operator (and, or)"),
        Arguments.of("(a)", 5, "unexpected \")\" expecting delimiter (.)"),
        Arguments.of(
            "(a.is.maybe)",
            9,
            "unexpected \"maybe\" expecting null, not_null, true, false or unknown"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejects(String value, int column, String details) {
    ApiRequestError error = errorOf(() -> LogicParser.parse(false, Connective.OR, value, 64));
    assertThat(error.message())
        .isEqualTo(
            "\"failed to parse logic tree (" + value + ")\" (line 1, column " + column + ")");
    assertThat(error.details()).contains(details);
  }

  @Test
  void nestingUpToTheLimitParsesAndOneMoreFails() {
    String atLimit = "(" + "and(".repeat(63) + "a.eq.1" + ")".repeat(64);
    assertThat(LogicParser.parse(false, Connective.OR, atLimit, 64))
        .isInstanceOf(LogicTree.Node.class);

    String beyond = "(" + "and(".repeat(64) + "a.eq.1" + ")".repeat(65);
    ApiRequestError error = errorOf(() -> LogicParser.parse(false, Connective.OR, beyond, 64));
    assertThat(error.details()).contains("logic trees nest deeper than the limit of 64 levels");
  }
}
