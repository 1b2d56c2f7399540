package dev.tusk.rest.schema;

import dev.tusk.rest.schema.NodeTokens.Kind;
import dev.tusk.rest.schema.NodeTokens.Token;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads which base column each view column shows, from the view's stored query tree ({@code
 * pg_rewrite.ev_action} of its {@code _RETURN} rule). PostgreSQL records that itself: every entry
 * of the top query's target list carries {@code :resorigtbl} and {@code :resorigcol}, set when the
 * entry is a plain column reference (through joins and subqueries too) and zero for expressions.
 *
 * <p>Only the top query's {@code :targetList} is read; every other field, however deep, is skipped
 * by counting brackets, so nested queries (whose target lists describe something else) are never
 * mistaken for the view's columns and a deeply nested tree costs no stack. Fields are read by
 * position, as the server reads them, so a column named {@code :resorigtbl} is just a value.
 */
final class ViewDefinitionParser {

  private final NodeTokens tokens;

  private ViewDefinitionParser(String evAction) {
    this.tokens = new NodeTokens(evAction);
  }

  /**
   * View column number ({@code resno}, which is the view's {@code attnum}) to its origin, for the
   * columns that have one.
   *
   * @throws IllegalArgumentException when the text is not a query tree this parser understands
   */
  static Map<Integer, ColumnOrigin> origins(String evAction) {
    return new ViewDefinitionParser(evAction).parse();
  }

  private Map<Integer, ColumnOrigin> parse() {
    expect(Kind.OPEN_PAREN);
    expect(Kind.OPEN_BRACE);
    expectAtom("QUERY");
    Map<Integer, ColumnOrigin> origins = null;
    while (true) {
      Token t = tokens.next();
      if (t.kind() == Kind.CLOSE_BRACE) {
        break;
      }
      String field = fieldName(t);
      if (field.equals(":targetList") && origins == null) {
        origins = targetList();
      } else {
        skipValue();
      }
    }
    if (origins == null) {
      throw malformed("the query has no :targetList");
    }
    expect(Kind.CLOSE_PAREN);
    return origins;
  }

  private Map<Integer, ColumnOrigin> targetList() {
    Map<Integer, ColumnOrigin> origins = new LinkedHashMap<>();
    Token first = tokens.next();
    if (first.kind() == Kind.NULL) {
      return origins;
    }
    if (first.kind() != Kind.OPEN_PAREN) {
      throw malformed("a :targetList that is not a list");
    }
    while (true) {
      Token t = tokens.next();
      if (t.kind() == Kind.CLOSE_PAREN) {
        return origins;
      }
      if (t.kind() != Kind.OPEN_BRACE) {
        throw malformed("a target list element that is not a node");
      }
      expectAtom("TARGETENTRY");
      targetEntry(origins);
    }
  }

  private void targetEntry(Map<Integer, ColumnOrigin> origins) {
    Integer resno = null;
    long origTable = 0;
    int origColumn = 0;
    boolean junk = false;
    while (true) {
      Token t = tokens.next();
      if (t.kind() == Kind.CLOSE_BRACE) {
        break;
      }
      switch (fieldName(t)) {
        case ":resno" -> resno = (int) number();
        case ":resorigtbl" -> origTable = number();
        case ":resorigcol" -> origColumn = (int) number();
        case ":resjunk" -> junk = atom().equals("true");
        default -> skipValue();
      }
    }
    if (resno == null) {
      throw malformed("a TARGETENTRY without :resno");
    }
    if (!junk && origTable != 0 && origColumn > 0) {
      origins.put(resno, new ColumnOrigin(origTable, origColumn));
    }
  }

  private String fieldName(Token t) {
    if (t.kind() != Kind.ATOM || !t.text().startsWith(":")) {
      throw malformed("expected a field name, found '" + t.text() + "'");
    }
    return t.text();
  }

  private String atom() {
    Token t = tokens.next();
    if (t.kind() != Kind.ATOM) {
      throw malformed("expected a value, found '" + t.text() + "'");
    }
    return t.text();
  }

  private long number() {
    String s = atom();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw malformed("expected a number, found '" + s + "'");
    }
  }

  /** Skips one field value: a node, a list, null, an atom, or a datum {@code len [ b b ... ]}. */
  private void skipValue() {
    Token t = tokens.next();
    switch (t.kind()) {
      case NULL -> {}
      case ATOM -> {
        if (tokens.peek().isAtom("[")) {
          while (!tokens.next().isAtom("]")) {
            if (tokens.peek().kind() == Kind.END) {
              throw malformed("an unterminated datum");
            }
          }
        }
      }
      case OPEN_BRACE, OPEN_PAREN -> skipBalanced();
      default -> throw malformed("expected a value, found '" + t.text() + "'");
    }
  }

  private void skipBalanced() {
    int depth = 1;
    while (depth > 0) {
      Token t = tokens.next();
      switch (t.kind()) {
        case OPEN_BRACE, OPEN_PAREN -> depth++;
        case CLOSE_BRACE, CLOSE_PAREN -> depth--;
        case END -> throw malformed("unbalanced brackets");
        default -> {}
      }
    }
  }

  private void expect(Kind kind) {
    Token t = tokens.next();
    if (t.kind() != kind) {
      throw malformed("expected " + kind + ", found '" + t.text() + "'");
    }
  }

  private void expectAtom(String text) {
    Token t = tokens.next();
    if (!t.isAtom(text)) {
      throw malformed("expected " + text + ", found '" + t.text() + "'");
    }
  }

  private static IllegalArgumentException malformed(String what) {
    return new IllegalArgumentException("not a view query tree: " + what);
  }
}
