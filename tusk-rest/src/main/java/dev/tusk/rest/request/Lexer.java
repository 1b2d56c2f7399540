package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens every query-parameter grammar shares: names (plain or double-quoted), casts, and
 * columns with JSON paths. A plain name is letters, digits, {@code _}, {@code $} and blanks, with
 * single dashes inside; anything else needs double quotes, inside which backslash escapes the next
 * character. Names are returned verbatim (only surrounding blanks of plain names are trimmed).
 */
final class Lexer {

  static final String NAME = "field name (* or [a..z0..9_$])";

  private Lexer() {}

  static boolean isNameChar(int cp) {
    return Character.isLetter(cp)
        || (cp >= '0' && cp <= '9')
        || cp == '_'
        || cp == ' '
        || cp == '$';
  }

  static boolean atNameStart(Cursor c) {
    return !c.atEnd() && (c.peek() == '"' || isNameChar(c.input().codePointAt(c.pos())));
  }

  /** A plain or quoted name. */
  static String name(Cursor c) {
    if (c.peekIs('"')) {
      return quoted(c);
    }
    int start = c.pos();
    String first = atNameStart(c) ? piece(c) : "";
    if (first.isEmpty()) {
      c.reset(start); // nothing, or only blanks: no name
      throw c.fail(NAME);
    }
    StringBuilder out = new StringBuilder(first);
    while (c.peekIs('-') && !c.lookingAt("->")) {
      c.consume('-');
      int pieceStart = c.pos();
      String piece = atNameStart(c) && !c.peekIs('"') ? piece(c) : "";
      if (piece.isEmpty()) {
        c.reset(pieceStart);
        throw c.fail("letter", "digit");
      }
      out.append('-').append(piece);
    }
    return out.toString();
  }

  private static String piece(Cursor c) {
    int start = c.pos();
    while (!c.atEnd() && isNameChar(c.input().codePointAt(c.pos()))) {
      c.reset(c.pos() + Character.charCount(c.input().codePointAt(c.pos())));
    }
    return c.input().substring(start, c.pos()).strip();
  }

  /** {@code "..."} with backslash escapes; the quotes are not part of the result. */
  static String quoted(Cursor c) {
    c.expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (c.atEnd()) {
        throw c.fail("\"\\\"\"");
      }
      char ch = c.next();
      if (ch == '"') {
        return out.toString();
      }
      if (ch == '\\') {
        if (c.atEnd()) {
          throw c.fail("escaped character");
        }
        ch = c.next();
      }
      out.append(ch);
    }
  }

  /** A cast target after {@code ::}: letters, digits, {@code _}, {@code $}, blanks. */
  static String castType(Cursor c) {
    int start = c.pos();
    String type = piece(c);
    if (type.isEmpty()) {
      c.reset(start);
      throw c.fail("cast type (letter or digit)");
    }
    return type;
  }

  /** A column with an optional JSON path, blanks around it skipped. */
  static Field field(Cursor c) {
    c.skipBlanks();
    String name = name(c);
    List<JsonStep> path = jsonPath(c);
    c.skipBlanks();
    return new Field(name, path);
  }

  static List<JsonStep> jsonPath(Cursor c) {
    List<JsonStep> steps = new ArrayList<>();
    while (true) {
      JsonStep.Arrow arrow;
      if (c.consume("->>")) {
        arrow = JsonStep.Arrow.TEXT;
      } else if (c.consume("->")) {
        arrow = JsonStep.Arrow.JSON;
      } else {
        return steps;
      }
      steps.add(new JsonStep(arrow, operand(c)));
    }
  }

  private static JsonStep.Operand operand(Cursor c) {
    int start = c.pos();
    boolean negative = c.consume('-');
    int digitsStart = c.pos();
    while (!c.atEnd() && c.peek() >= '0' && c.peek() <= '9') {
      c.next();
    }
    boolean digits = c.pos() > digitsStart;
    if (digits && atOperandEnd(c)) {
      String text = c.input().substring(start, c.pos());
      try {
        return new JsonStep.Index(Integer.parseInt(text));
      } catch (NumberFormatException e) {
        throw c.failWith(start, "JSON array index " + Cursor.echo(text) + " is out of range");
      }
    }
    if (negative) {
      // Only an index may start with a dash: "->-1" is the last element, "->-x" is a mistake.
      throw digits
          ? c.fail("digit", "\"->\"", "\"::\"", "\".\"", "\",\"", "end of input")
          : c.fail("digit");
    }
    c.reset(start);
    return new JsonStep.Key(jsonKey(c));
  }

  private static boolean atOperandEnd(Cursor c) {
    return c.atEnd()
        || c.lookingAt("->")
        || c.lookingAt("::")
        || c.peekIs('.')
        || c.peekIs(',')
        || c.peekIs(')');
  }

  /** A JSON key: quoted, or anything but {@code (-:.,>)} with single dashes inside. */
  private static String jsonKey(Cursor c) {
    if (c.peekIs('"')) {
      return quoted(c);
    }
    StringBuilder out = new StringBuilder(keyPiece(c));
    while (c.peekIs('-') && !c.lookingAt("->")) {
      c.next();
      out.append('-').append(keyPiece(c));
    }
    return out.toString();
  }

  private static String keyPiece(Cursor c) {
    int start = c.pos();
    while (!c.atEnd() && "(-:.,>)".indexOf(c.peek()) < 0) {
      c.next();
    }
    String piece = c.input().substring(start, c.pos()).strip();
    if (piece.isEmpty()) {
      throw c.fail("JSON key (any character but .,:>()-)");
    }
    return piece;
  }
}
