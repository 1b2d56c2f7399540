package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code order=} into {@link OrderTerm}s.
 *
 * <pre>
 * order := term (',' term)*
 * term  := (name '(' field ')' | field) ['.' ('asc'|'desc')] ['.' ('nullsfirst'|'nullslast')]
 * </pre>
 */
final class OrderParser {

  private final Cursor c;

  private OrderParser(String input) {
    this.c = new Cursor(input, "order");
  }

  static List<OrderTerm> parse(String input) {
    OrderParser p = new OrderParser(input);
    List<OrderTerm> terms = new ArrayList<>();
    while (true) {
      terms.add(p.term());
      p.c.skipBlanks();
      if (p.c.atEnd()) {
        return terms;
      }
      if (!p.c.consume(',')) {
        throw p.c.fail("\",\"", "end of input");
      }
    }
  }

  private OrderTerm term() {
    c.skipBlanks();
    int start = c.pos();
    String name = Lexer.name(c);
    OrderTerm.Target target;
    if (c.consume('(')) {
      Field field = Lexer.field(c);
      if (!c.consume(')')) {
        throw c.fail("\")\"");
      }
      target = new OrderTerm.Related(name, field);
    } else {
      c.reset(start);
      target = new OrderTerm.Column(Lexer.field(c));
    }
    Optional<OrderTerm.Direction> direction = Optional.empty();
    Optional<OrderTerm.NullsOrder> nulls = Optional.empty();
    if (c.peekIs('.')) {
      c.next();
      int wordStart = c.pos();
      String word = word();
      switch (word) {
        case "asc" -> direction = Optional.of(OrderTerm.Direction.ASC);
        case "desc" -> direction = Optional.of(OrderTerm.Direction.DESC);
        case "nullsfirst" -> nulls = Optional.of(OrderTerm.NullsOrder.FIRST);
        case "nullslast" -> nulls = Optional.of(OrderTerm.NullsOrder.LAST);
        default -> {
          c.reset(wordStart);
          throw c.fail("\"asc\"", "\"desc\"", "\"nullsfirst\"", "\"nullslast\"");
        }
      }
    }
    if (direction.isPresent() && c.peekIs('.')) {
      c.next();
      int wordStart = c.pos();
      switch (word()) {
        case "nullsfirst" -> nulls = Optional.of(OrderTerm.NullsOrder.FIRST);
        case "nullslast" -> nulls = Optional.of(OrderTerm.NullsOrder.LAST);
        default -> {
          c.reset(wordStart);
          throw c.fail("\"nullsfirst\"", "\"nullslast\"");
        }
      }
    }
    return new OrderTerm(target, direction, nulls);
  }

  private String word() {
    int start = c.pos();
    while (!c.atEnd() && Character.isLetterOrDigit(c.peek())) {
      c.next();
    }
    return c.input().substring(start, c.pos());
  }
}
