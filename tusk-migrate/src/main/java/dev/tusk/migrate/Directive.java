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

  static Found parse(String lineComment) {
    Matcher m = TUSK.matcher(lineComment);
    if (!m.matches()) {
      return Found.NONE;
    }
    return m.group(1).equals("no-transaction") ? Found.NO_TRANSACTION : Found.UNKNOWN;
  }
}
