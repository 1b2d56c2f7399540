package dev.tusk.migrate.lint;

/**
 * Recognises {@code timestamp without time zone} at the start of a column's type, in any of its
 * spellings: {@code timestamp}, {@code timestamp(3)}, {@code timestamp without time zone}, {@code
 * pg_catalog.timestamp}, {@code "timestamp"}, arrays of them. Not {@code timestamptz} or {@code
 * timestamp with time zone}. A domain over timestamp is not recognised (lint does not follow
 * domains).
 */
final class ColumnTypes {

  private ColumnTypes() {}

  /** Where the type at token {@code i} is, when it is a timestamp without time zone; else null. */
  static Spot naiveAt(Stmt s, int i) {
    return naiveTimestamp(s, i) ? s.spot(i) : null;
  }

  /** True when the type starting at token {@code i} is a timestamp without time zone. */
  static boolean naiveTimestamp(Stmt s, int i) {
    if (s.words(i, "pg_catalog") && s.symbol(i + 1, '.')) {
      i += 2;
    }
    if (i >= s.size()) {
      return false;
    }
    Token t = s.get(i);
    boolean named =
        t.isWord("timestamp") || (t.kind() == Token.Kind.QUOTED && t.text().equals("timestamp"));
    if (!named) {
      return false;
    }
    int j = i + 1;
    if (s.symbol(j, '(')) {
      j = s.closing(j) + 1;
    }
    return !s.words(j, "with", "time", "zone");
  }
}
