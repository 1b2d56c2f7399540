package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import java.util.Arrays;

/**
 * Where PostgreSQL's quoted and commented spans end, following the server's lexer ({@code scan.l})
 * closely enough to split statements: standard strings with {@code ''} escapes (standard_conforming
 * strings on, the default since 9.1), {@code E''} strings with backslash escapes, {@code $tag$}
 * dollar quotes, double-quoted identifiers, {@code --} line comments and nested block comments.
 * Also maps a text offset to its 1-based line. It never looks at what the SQL means. Public so that
 * the linter ({@code dev.tusk.migrate.lint}) reads tokens by exactly the rules the splitter uses.
 */
public final class SqlLexer {

  private final String file;
  private final String s;
  private final int[] lineStarts;

  public SqlLexer(String file, String text) {
    this.file = file;
    this.s = text;
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  /** The 1-based line that holds offset {@code i}. */
  public int lineAt(int i) {
    int k = Arrays.binarySearch(lineStarts, i);
    return (k >= 0 ? k : -k - 2) + 1;
  }

  /** The offset where line {@code line} (1-based) starts, or the text length past the last. */
  public int lineStart(int line) {
    return line - 1 < lineStarts.length ? lineStarts[line - 1] : s.length();
  }

  /** {@code i} at {@code --}: the offset of the newline that ends the comment (or the end). */
  public int lineCommentEnd(int i) {
    int nl = s.indexOf('\n', i);
    return nl < 0 ? s.length() : nl;
  }

  /** {@code i} at {@code /*}: the offset after the matching close; block comments nest. */
  public int blockCommentEnd(int i) {
    int depth = 0;
    int j = i;
    while (j < s.length()) {
      if (s.startsWith("/*", j)) {
        depth++;
        j += 2;
      } else if (s.startsWith("*/", j)) {
        depth--;
        j += 2;
        if (depth == 0) {
          return j;
        }
      } else {
        j++;
      }
    }
    throw unterminated("block comment /* */", i);
  }

  /** {@code i} at {@code '} or {@code "}: the offset after the closing quote; doubled escapes. */
  public int quotedEnd(int i, char quote) {
    int j = i + 1;
    while (j < s.length()) {
      if (s.charAt(j) == quote) {
        if (j + 1 < s.length() && s.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    throw unterminated(quote == '"' ? "quoted identifier \"" : "string '", i);
  }

  /** {@code i} at the quote of an {@code E'...'} string: backslash escapes the next character. */
  public int escapeStringEnd(int i) {
    int j = i + 1;
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        j += 2;
      } else if (c == '\'') {
        if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
          j += 2;
          continue;
        }
        return j + 1;
      } else {
        j++;
      }
    }
    throw unterminated("string E'", i - 1);
  }

  /** {@code i} at {@code $}: the opening {@code $tag$} starting there, or null ({@code $1}). */
  public String dollarTag(int i) {
    int j = i + 1;
    if (j < s.length() && s.charAt(j) != '$') {
      if (!isTagStart(s.charAt(j))) {
        return null;
      }
      while (j < s.length() && isTagPart(s.charAt(j))) {
        j++;
      }
    }
    return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
  }

  /** {@code i} at an opening {@code tag}: the offset after the matching closing tag. */
  public int dollarQuoteEnd(int i, String tag) {
    int close = s.indexOf(tag, i + tag.length());
    if (close < 0) {
      throw unterminated("dollar-quoted string " + tag, i);
    }
    return close + tag.length();
  }

  /** PostgreSQL's ident_start: ASCII letters, {@code _} and every non-ASCII character. */
  public static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  /** PostgreSQL's ident_cont: ident_start, digits and {@code $}. */
  public static boolean isIdentPart(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$';
  }

  private static boolean isTagStart(char c) {
    return isIdentStart(c);
  }

  private static boolean isTagPart(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
  }

  /** An error at offset {@code i}: {@code file:line: message}. */
  ConfigException error(String code, int i, String message, String hint) {
    return new ConfigException(code, file + ":" + lineAt(i) + ": " + message, hint);
  }

  private ConfigException unterminated(String what, int start) {
    return error(
        "migrate.unterminated",
        start,
        "unterminated " + what + " starting here runs to the end of the file",
        "close it; everything after it was read as part of it");
  }
}
