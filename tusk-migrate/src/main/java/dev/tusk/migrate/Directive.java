package dev.tusk.migrate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File directives: a line comment {@code -- tusk:<word>}. The only one is {@code no-transaction},
 * and it counts only on line 1, where a reader sees it first. An unknown or misplaced directive is
 * an error rather than ignored, so a typo ({@code no-transactions}) cannot silently put {@code
 * CREATE INDEX CONCURRENTLY} inside a transaction.
 */
final class Directive {

  /** What a line comment is. */
  enum Found {
    NONE,
    NO_TRANSACTION,
    UNKNOWN
  }

  private static final Pattern TUSK = Pattern.compile("--\\s*tusk\\s*:\\s*(.*?)\\s*");

  private Directive() {}

  /**
   * Checks the line comment at offset {@code i} of {@code text}; true when it is the no-transaction
   * directive in its place.
   */
  static boolean check(SqlLexer lex, String text, int i, String comment) {
    Found found = parse(comment);
    if (found == Found.NONE) {
      return false;
    }
    boolean firstLine = i == 0 || (i == 1 && text.charAt(0) == '\uFEFF');
    if (!firstLine) {
      throw lex.error(
          "migrate.directive",
          i,
          "a -- tusk: directive must start the first line of the file",
          "move '" + comment.strip() + "' to line 1");
    }
    if (found == Found.UNKNOWN) {
      throw lex.error(
          "migrate.directive",
          i,
          "unknown directive '" + comment.strip() + "'",
          "the only directive is -- tusk:no-transaction");
    }
    return true;
  }

  static Found parse(String lineComment) {
    Matcher m = TUSK.matcher(lineComment);
    if (!m.matches()) {
      return Found.NONE;
    }
    return m.group(1).equals("no-transaction") ? Found.NO_TRANSACTION : Found.UNKNOWN;
  }
}
