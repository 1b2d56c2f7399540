package dev.tusk.rest.request;

import static dev.tusk.rest.request.Trees.cmp;
import static dev.tusk.rest.request.Trees.errorOf;
import static dev.tusk.rest.request.Trees.fts;
import static dev.tusk.rest.request.Trees.in;
import static dev.tusk.rest.request.Trees.quant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.request.Operation.FtsOperator;
import dev.tusk.rest.request.Operation.IsValue;
import dev.tusk.rest.request.Operation.Quantifier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

  static Stream<Arguments> operations() {
    return Stream.of(
        Arguments.of("eq.5", false, cmp(Operator.EQ, "5")),
        Arguments.of("neq.archived", false, cmp(Operator.NEQ, "archived")),
        Arguments.of("gt.500", false, cmp(Operator.GT, "500")),
        Arguments.of("gte.1", false, cmp(Operator.GTE, "1")),
        Arguments.of("lt.1", false, cmp(Operator.LT, "1")),
        Arguments.of("lte.450", false, cmp(Operator.LTE, "450")),
        Arguments.of("like.*yx", false, cmp(Operator.LIKE, "%yx")),
        Arguments.of("ilike.*postgres*", false, cmp(Operator.ILIKE, "%postgres%")),
        Arguments.of("match.^xy$", false, cmp(Operator.MATCH, "^xy$")),
        Arguments.of("imatch..*YY.*", false, cmp(Operator.IMATCH, ".*YY.*")),
        Arguments.of("cs.{postgres}", false, cmp(Operator.CS, "{postgres}")),
        Arguments.of("cd.{1,2,4}", false, cmp(Operator.CD, "{1,2,4}")),
        Arguments.of("ov.[1,3)", false, cmp(Operator.OV, "[1,3)")),
        Arguments.of("sl.(1,10)", false, cmp(Operator.SL, "(1,10)")),
        Arguments.of("sr.(1,10)", false, cmp(Operator.SR, "(1,10)")),
        Arguments.of("nxl.(1,10)", false, cmp(Operator.NXL, "(1,10)")),
        Arguments.of("nxr.(1,10)", false, cmp(Operator.NXR, "(1,10)")),
        Arguments.of("adj.(1,10)", false, cmp(Operator.ADJ, "(1,10)")),
        Arguments.of("eq.", false, cmp(Operator.EQ, "")),
        Arguments.of("eq.a.b,c)", false, cmp(Operator.EQ, "a.b,c)")),
        Arguments.of("eq.not", false, cmp(Operator.EQ, "not")),
        Arguments.of("in.(1,3,5)", false, in("1", "3", "5")),
        Arguments.of(
            "in.(\"Hebdon,John\",\"Williams,Mary\")", false, in("Hebdon,John", "Williams,Mary")),
        Arguments.of(
            "in.(\"Quote:\\\"\",\"Backslash:\\\\\")", false, in("Quote:\"", "Backslash:\\")),
        Arguments.of("in.(\"a)b\",c)", false, in("a)b", "c")),
        Arguments.of("in.(\"a\"b)", false, in("\"a\"b")),
        Arguments.of("in.(\"open,x)", false, in("\"open", "x")),
        Arguments.of("in.(\"a\\\\\",\"b\")", false, in("a\\", "b")),
        Arguments.of("in.()", false, in()),
        Arguments.of("in.(,)", false, in("", "")),
        Arguments.of("in.( 1)", false, in("1")),
        Arguments.of("is.null", false, new Operation.Is(IsValue.NULL)),
        Arguments.of("is.NULL", false, new Operation.Is(IsValue.NULL)),
        Arguments.of("is.not_null", false, new Operation.Is(IsValue.NOT_NULL)),
        Arguments.of("is.TRUE", false, new Operation.Is(IsValue.TRUE)),
        Arguments.of("is.FAlSe", false, new Operation.Is(IsValue.FALSE)),
        Arguments.of("is.UnKnOwN", false, new Operation.Is(IsValue.UNKNOWN)),
        Arguments.of("isdistinct.450", false, new Operation.IsDistinct("450")),
        Arguments.of("fts.Loom", false, fts(FtsOperator.FTS, null, "Loom")),
        Arguments.of("fts(french).amusant", false, fts(FtsOperator.FTS, "french", "amusant")),
        Arguments.of("plfts.The Fat Rats", false, fts(FtsOperator.PLFTS, null, "The Fat Rats")),
        Arguments.of(
            "phfts(german).Art Spass", false, fts(FtsOperator.PHFTS, "german", "Art Spass")),
        Arguments.of("wfts.a or b", false, fts(FtsOperator.WFTS, null, "a or b")),
        Arguments.of("not.eq.published", true, cmp(Operator.EQ, "published")),
        Arguments.of("not.in.(2,4)", true, in("2", "4")),
        Arguments.of("not.is.null", true, new Operation.Is(IsValue.NULL)),
        Arguments.of("not.fts(english).fat|fun", true, fts(FtsOperator.FTS, "english", "fat|fun")),
        Arguments.of(
            "not.like(all).{a*,b*}", true, quant(Operator.LIKE, Quantifier.ALL, "{a%,b%}")),
        Arguments.of("eq(any).{a,b}", false, quant(Operator.EQ, Quantifier.ANY, "{a,b}")),
        Arguments.of(
            "like(any).{*threads,*released}",
            false,
            quant(Operator.LIKE, Quantifier.ANY, "{%threads,%released}")),
        Arguments.of("gt(all).{1,2}", false, quant(Operator.GT, Quantifier.ALL, "{1,2}")),
        Arguments.of(
            "imatch(any).{^a,b$}", false, quant(Operator.IMATCH, Quantifier.ANY, "{^a,b$}")));
  }

  @ParameterizedTest
  @MethodSource("operations")
  void parsesEveryOperator(String value, boolean negated, Operation expected) {
    Filter filter = FilterParser.parseParam(Field.of("c"), value);
    assertThat(filter).isEqualTo(new Filter(Field.of("c"), negated, expected));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("0", 1, "unexpected \"0\" expecting \"not\" or operator (eq, gt, ...)"),
        Arguments.of("", 1, "unexpected end of input expecting \"not\" or operator (eq, gt, ...)"),
        Arguments.of(
            "noop.1", 1, "unexpected \"noop\" expecting \"not\" or operator (eq, gt, ...)"),
        Arguments.of("not.0", 5, "unexpected \"0\" expecting operator (eq, gt, ...)"),
        Arguments.of("not.not.eq.1", 5, "unexpected \"not\" expecting operator (eq, gt, ...)"),
        Arguments.of("eq", 3, "unexpected end of input expecting delimiter (.)"),
        Arguments.of(
            "is.nil", 4, "unexpected \"nil\" expecting null, not_null, true, false or unknown"),
        Arguments.of(
            "is.nullx", 4, "unexpected \"nullx\" expecting null, not_null, true, false or unknown"),
        Arguments.of("is.null.x", 8, "unexpected \".\" expecting end of input"),
        Arguments.of("in.1,2", 4, "unexpected \"1\" expecting \"(\""),
        Arguments.of("in.(1,2", 8, "unexpected end of input expecting \",\" or \")\""),
        Arguments.of("in.(1)x", 7, "unexpected \"x\" expecting end of input"),
        Arguments.of("in(any).(1)", 3, "unexpected \"(\" expecting delimiter (.)"),
        Arguments.of("neq(any).x", 4, "unexpected \"(\" expecting delimiter (.)"),
        Arguments.of("eq(some).x", 4, "unexpected \"s\" expecting \"any\" or \"all\""),
        Arguments.of("eq(any.x", 7, "unexpected \".\" expecting \")\""),
        Arguments.of("fts().x", 5, "unexpected \")\" expecting cast type (letter or digit)"),
        Arguments.of("fts(english.x", 12, "unexpected \".\" expecting \")\""));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void rejectsLikePostgrest(String value, int column, String details) {
    ApiRequestError error = errorOf(() -> FilterParser.parseParam(Field.of("c"), value));
    assertThat(error.message())
        .isEqualTo("\"failed to parse filter (" + value + ")\" (line 1, column " + column + ")");
    assertThat(error.details()).contains(details);
  }
}
