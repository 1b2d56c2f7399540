package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code select=} into a tree of {@link SelectItem}s. Recursive descent; every level of embedding
 * is checked against the depth limit before it recurses, so no input can exhaust the stack.
 *
 * <pre>
 * forest := [item (',' item)*]
 * item   := '*' | '...' name embedParams '(' forest ')'
 *         | [alias ':'] 'count()' ['::' type]
 *         | [alias ':'] name embedParams '(' forest ')'
 *         | [alias ':'] name jsonPath ['::' type] ['.' aggregate '()' ['::' type]]
 * embedParams := ('!' name){0,2}      -- "inner"/"left" pick the join, any other name is a hint
 * </pre>
 */
final class SelectParser {

  private final Cursor c;
  private final int maxDepth;

  private SelectParser(String input, int maxDepth) {
    this.c = new Cursor(input, "select parameter");
    this.maxDepth = maxDepth;
  }

  static List<SelectItem> parse(String input, int maxDepth) {
    SelectParser p = new SelectParser(input, maxDepth);
    List<SelectItem> items = p.forest(1);
    if (!p.c.atEnd()) {
      throw p.c.fail("\",\"", "end of input");
    }
    return items;
  }

  private List<SelectItem> forest(int depth) {
    if (depth > maxDepth) {
      throw c.failWith(
          c.pos(), "embedded resources nest deeper than the limit of " + maxDepth + " levels");
    }
    List<SelectItem> items = new ArrayList<>();
    c.skipBlanks();
    if (c.atEnd() || c.peekIs(')')) {
      return items; // select= and rel() are both allowed and select nothing
    }
    while (true) {
      items.add(item(depth));
      c.skipBlanks();
      if (!c.consume(',')) {
        return items;
      }
      c.skipBlanks();
    }
  }

  private SelectItem item(int depth) {
    c.skipBlanks();
    if (c.consume("...")) {
      String relation = Lexer.name(c);
      EmbedParams params = embedParams();
      return new SelectItem.Spread(relation, params.hint, params.join, children(depth));
    }
    if (c.consume('*')) {
      return new SelectItem.Star();
    }
    Optional<String> alias = Optional.empty();
    String name = Lexer.name(c);
    if (c.peekIs(':') && !c.lookingAt("::")) {
      c.next();
      c.skipBlanks();
      alias = Optional.of(name);
      name = Lexer.name(c);
    }
    if (name.equals("count") && c.consume("()")) {
      return new SelectItem.CountAll(alias, cast());
    }
    if (c.peekIs('!') || c.peekIs('(')) {
      EmbedParams params = embedParams();
      return new SelectItem.Embed(name, alias, params.hint, params.join, children(depth));
    }
    Field field = new Field(name, Lexer.jsonPath(c));
    Optional<String> cast = cast();
    Optional<AggregateFunction> aggregate = Optional.empty();
    Optional<String> aggregateCast = Optional.empty();
    if (c.peekIs('.')) {
      c.next();
      aggregate = Optional.of(aggregate());
      aggregateCast = cast();
    }
    return new SelectItem.Column(field, alias, cast, aggregate, aggregateCast);
  }

  private List<SelectItem> children(int depth) {
    c.expect('(');
    List<SelectItem> children = forest(depth + 1);
    if (!c.consume(')')) {
      throw c.fail("\",\"", "\")\"");
    }
    return children;
  }

  private Optional<String> cast() {
    return c.consume("::") ? Optional.of(Lexer.castType(c)) : Optional.empty();
  }

  private AggregateFunction aggregate() {
    int start = c.pos();
    while (!c.atEnd() && Character.isLetter(c.peek())) {
      c.next();
    }
    AggregateFunction f = AggregateFunction.byName(c.input().substring(start, c.pos()));
    if (f == null || !c.consume("()")) {
      c.reset(start);
      throw c.fail("\"sum()\"", "\"avg()\"", "\"count()\"", "\"max()\"", "\"min()\"");
    }
    return f;
  }

  private EmbedParams embedParams() {
    Optional<String> hint = Optional.empty();
    Optional<JoinType> join = Optional.empty();
    for (int i = 0; i < 2 && c.consume('!'); i++) {
      String param = Lexer.name(c);
      switch (param) {
        case "inner" -> join = join.or(() -> Optional.of(JoinType.INNER));
        case "left" -> join = join.or(() -> Optional.of(JoinType.LEFT));
        default -> {
          String h = param;
          hint = hint.or(() -> Optional.of(h));
        }
      }
    }
    if (!c.peekIs('(')) {
      throw c.fail("\"(\"");
    }
    return new EmbedParams(hint, join);
  }

  private record EmbedParams(Optional<String> hint, Optional<JoinType> join) {}
}
