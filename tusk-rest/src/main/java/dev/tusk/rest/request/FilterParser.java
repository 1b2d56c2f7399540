package dev.tusk.rest.request;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The right-hand side of a filter, {@code [not.]operator[(modifier)].value}. As a query parameter
 * the value is the rest of the text; inside a logic tree it ends at {@code ,} or {@code )} unless
 * double-quoted (or a {@code {...}} array literal), so the same grammar runs in two modes.
 *
 * <pre>
 * opExpr    := ['not.'] operation
 * operation := 'in.' '(' [elem (',' elem)*] ')' | 'is.' isValue | 'isdistinct.' value
 *            | ftsOp ['(' language ')'] '.' value
 *            | op ['(' ('any'|'all') ')'] '.' value     -- modifier on quantifiable ops only
 * </pre>
 */
final class FilterParser {

  private static final String OPERATOR = "operator (eq, gt, ...)";

  private final Cursor c;
  private final boolean inLogicTree;

  private FilterParser(Cursor c, boolean inLogicTree) {
    this.c = c;
    this.inLogicTree = inLogicTree;
  }

  /** A filter's value as a whole query parameter value, e.g. {@code not.in.(1,2)}. */
  static Filter parseParam(Field field, String value) {
    Cursor cursor = new Cursor(value, "filter");
    FilterParser p = new FilterParser(cursor, false);
    Filter filter = p.filter(field);
    if (!cursor.atEnd()) {
      throw cursor.fail("end of input");
    }
    return filter;
  }

  /** A filter inside a logic tree; stops before the {@code ,} or {@code )} that follows it. */
  static Filter parseInTree(Cursor cursor, Field field) {
    return new FilterParser(cursor, true).filter(field);
  }

  private Filter filter(Field field) {
    boolean negated = c.consume("not.");
    return new Filter(field, negated, operation(negated));
  }

  private Operation operation(boolean negated) {
    int start = c.pos();
    while (!c.atEnd() && c.peek() != '.' && c.peek() != '(') {
      c.next();
    }
    String word = c.input().substring(start, c.pos());
    switch (word) {
      case "in" -> {
        delimiter();
        return new Operation.In(list());
      }
      case "is" -> {
        delimiter();
        return new Operation.Is(isValue());
      }
      case "isdistinct" -> {
        delimiter();
        return new Operation.IsDistinct(value());
      }
      default -> {}
    }
    Operation.FtsOperator fts = Operation.FtsOperator.byUrlName(word);
    if (fts != null) {
      Optional<String> language = Optional.empty();
      if (c.consume('(')) {
        language = Optional.of(Lexer.castType(c));
        c.expect(')');
      }
      delimiter();
      return new Operation.FullText(fts, language, value());
    }
    Operator op = Operator.byUrlName(word);
    if (op == null) {
      c.reset(start);
      String expected = negated ? OPERATOR : "\"not\" or " + OPERATOR;
      throw word.isEmpty() ? c.fail(expected) : unexpectedWord(start, word, expected);
    }
    Optional<Operation.Quantifier> quantifier = Optional.empty();
    if (op.quantifiable() && c.consume('(')) {
      if (c.consume("any")) {
        quantifier = Optional.of(Operation.Quantifier.ANY);
      } else if (c.consume("all")) {
        quantifier = Optional.of(Operation.Quantifier.ALL);
      } else {
        throw c.fail("\"any\"", "\"all\"");
      }
      c.expect(')');
    }
    delimiter();
    String value = value();
    return new Operation.Compare(op, quantifier, op.isPattern() ? value.replace('*', '%') : value);
  }

  /** Names the whole word, which reads better than its first letter. */
  private ApiRequestException unexpectedWord(int start, String word, String expected) {
    return c.failWith(start, "unexpected \"" + Cursor.echo(word) + "\" expecting " + expected);
  }

  private void delimiter() {
    if (!c.consume('.')) {
      throw c.fail("delimiter (.)");
    }
  }

  private String value() {
    return inLogicTree ? Values.inTree(c) : c.rest();
  }

  private List<String> list() {
    return Values.list(c);
  }

  private Operation.IsValue isValue() {
    int start = c.pos();
    while (!c.atEnd() && (Character.isLetter(c.peek()) || c.peek() == '_')) {
      c.next();
    }
    String word = c.input().substring(start, c.pos());
    Operation.IsValue value =
        switch (word.toLowerCase(Locale.ROOT)) {
          case "null" -> Operation.IsValue.NULL;
          case "not_null" -> Operation.IsValue.NOT_NULL;
          case "true" -> Operation.IsValue.TRUE;
          case "false" -> Operation.IsValue.FALSE;
          case "unknown" -> Operation.IsValue.UNKNOWN;
          default -> null;
        };
    if (value == null) {
      c.reset(start);
      String expected = "null, not_null, true, false or unknown";
      throw word.isEmpty() ? c.fail(expected) : unexpectedWord(start, word, expected);
    }
    return value;
  }
}
