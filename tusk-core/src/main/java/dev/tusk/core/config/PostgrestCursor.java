package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a PostgREST config file that knows its line and column, so every parse error names
 * the place the way the tusk.yaml errors do ({@code postgrest.conf:3:12}).
 */
final class PostgrestCursor {

  private final String text;
  private final String label;
  private int pos;
  private int line = 1;
  private int lineStart;

  PostgrestCursor(String text, String label) {
    this.text = text;
    this.label = label;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The current character; only when not {@link #atEnd()}. */
  char peek() {
    return text.charAt(pos);
  }

  boolean at(char c) {
    return !atEnd() && peek() == c;
  }

  boolean at(String s) {
    return text.startsWith(s, pos);
  }

  /** Consumes one character, keeping count of lines. */
  char next() {
    char c = text.charAt(pos++);
    if (c == '\n') {
      line++;
      lineStart = pos;
    }
    return c;
  }

  void skip(int n) {
    for (int i = 0; i < n; i++) {
      next();
    }
  }

  int position() {
    return pos;
  }

  /** Goes back to an earlier position on the same line (to point an error at a token's start). */
  void back(int to) {
    pos = Math.max(to, lineStart);
  }

  /** The text from here up to (not including) the first {@code c}, or null if there is none. */
  String until(char c) {
    int end = text.indexOf(c, pos);
    return end < 0 ? null : text.substring(pos, end);
  }

  String match(Pattern p, String what) {
    Matcher m = p.matcher(text).region(pos, text.length());
    if (!m.lookingAt()) {
      throw error("expected " + what, "write: key = \"value\"");
    }
    pos = m.end();
    return m.group();
  }

  void skipSpaces() {
    while (at(' ') || at('\t')) {
      pos++;
    }
  }

  /** Skips whitespace, line breaks and comments. */
  void skipBlank() {
    while (!atEnd()) {
      if (peek() == '#') {
        while (!atEnd() && peek() != '\n') {
          pos++;
        }
      } else if (Character.isWhitespace(peek())) {
        next();
      } else {
        return;
      }
    }
  }

  Location here() {
    return new Location(label, line, pos - lineStart + 1);
  }

  ConfigException error(String what, String hint) {
    return new ConfigException(
        ConfigErrors.PARSE_ERROR, "cannot parse " + here() + ": " + what, hint);
  }
}
