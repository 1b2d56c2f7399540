package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;

/**
 * Filter values that must end before a {@code ,} or {@code )}: the elements of {@code in.(...)} and
 * values inside logic trees. Double quotes (with backslash escapes) let a value contain those
 * characters; quotes that do not enclose a whole value are ordinary text, as in PostgREST.
 */
final class Values {

  private Values() {}

  /** A value inside a logic tree: quoted, a {@code {...}} array literal, or plain text. */
  static String inTree(Cursor c) {
    int start = c.pos();
    if (c.consume('{')) {
      while (!c.atEnd() && c.peek() != '}' && c.peek() != '{') {
        c.next();
      }
      if (c.consume('}')) {
        return c.input().substring(start, c.pos());
      }
      c.reset(start);
      return unquoted(c);
    }
    return element(c);
  }

  /** {@code (a,"b,c",d)}; {@code ()} is the empty list. */
  static List<String> list(Cursor c) {
    c.skipBlanks();
    c.expect('(');
    c.skipBlanks();
    List<String> values = new ArrayList<>();
    if (c.consume(')')) {
      c.skipBlanks();
      return values;
    }
    while (true) {
      values.add(element(c));
      if (c.consume(')')) {
        c.skipBlanks();
        return values;
      }
      if (!c.consume(',')) {
        throw c.fail("\",\"", "\")\"");
      }
    }
  }

  private static String element(Cursor c) {
    int start = c.pos();
    if (c.consume('"')) {
      StringBuilder quoted = new StringBuilder();
      while (!c.atEnd() && c.peek() != '"') {
        char ch = c.next();
        if (ch == '\\' && !c.atEnd()) {
          ch = c.next();
        }
        quoted.append(ch);
      }
      if (c.consume('"') && (c.atEnd() || c.peekIs(',') || c.peekIs(')'))) {
        return quoted.toString();
      }
      // "a"b or an unclosed "a: not a quoted value, just text with quotes in it
      c.reset(start);
    }
    return unquoted(c);
  }

  private static String unquoted(Cursor c) {
    int start = c.pos();
    while (!c.atEnd() && c.peek() != ',' && c.peek() != ')') {
      c.next();
    }
    return c.input().substring(start, c.pos());
  }
}
