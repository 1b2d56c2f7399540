package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code or=(...)}, {@code not.and=(...)} and their nested forms into a {@link LogicTree}. Like
 * PostgREST, the connective from the key is glued to the value ({@code or} + {@code (a.eq.1)}) and
 * the result parsed as one expression, so error columns match PostgREST's. Each nested group is
 * checked against the depth limit before the parser descends into it.
 *
 * <pre>
 * tree  := ['not.'] ('and'|'or') '(' child (',' child)* ')'
 * child := tree | field '.' opExpr      -- opExpr values end at ',' or ')' unless quoted
 * </pre>
 */
final class LogicParser {

  private final Cursor c;
  private final int maxDepth;

  private LogicParser(Cursor c, int maxDepth) {
    this.c = c;
    this.maxDepth = maxDepth;
  }

  /**
   * @param negated the key had {@code not.} before the connective
   * @param connective from the key: {@code and} or {@code or}
   * @param value the parameter value, {@code (a.eq.1,b.eq.2)}
   */
  static LogicTree parse(
      boolean negated, LogicTree.Connective connective, String value, int maxDepth) {
    String prefix = (negated ? "not." : "") + connective.name().toLowerCase(Locale.ROOT);
    Cursor cursor = new Cursor(prefix + value, "logic tree", value);
    LogicParser p = new LogicParser(cursor, maxDepth);
    cursor.reset(prefix.length());
    LogicTree tree = p.group(negated, connective, 1);
    cursor.skipBlanks();
    if (!cursor.atEnd()) {
      throw cursor.fail("end of input");
    }
    return tree;
  }

  private LogicTree group(boolean negated, LogicTree.Connective connective, int depth) {
    if (depth > maxDepth) {
      throw c.failWith(
          c.pos(), "logic trees nest deeper than the limit of " + maxDepth + " levels");
    }
    c.skipBlanks();
    c.expect('(');
    List<LogicTree> children = new ArrayList<>();
    while (true) {
      children.add(child(depth));
      c.skipBlanks();
      if (c.consume(')')) {
        return new LogicTree.Node(negated, connective, children);
      }
      if (!c.consume(',')) {
        throw c.fail("\",\"", "\")\"");
      }
    }
  }

  private LogicTree child(int depth) {
    c.skipBlanks();
    boolean negated = false;
    int start = c.pos();
    if (c.consume("not.")) {
      negated = true;
    }
    LogicTree.Connective connective = null;
    if (c.lookingAt("and(") || c.lookingAt("and (")) {
      c.consume("and");
      connective = LogicTree.Connective.AND;
    } else if (c.lookingAt("or(") || c.lookingAt("or (")) {
      c.consume("or");
      connective = LogicTree.Connective.OR;
    }
    if (connective != null) {
      return group(negated, connective, depth + 1);
    }
    c.reset(start); // "not" is a column here, as in not.eq.1
    if (!Lexer.atNameStart(c)) {
      throw c.fail(Lexer.NAME, "negation operator (not)", "logic operator (and, or)");
    }
    Field field = Lexer.field(c);
    if (!c.consume('.')) {
      throw c.fail("delimiter (.)");
    }
    return new LogicTree.Leaf(FilterParser.parseInTree(c, field));
  }
}
