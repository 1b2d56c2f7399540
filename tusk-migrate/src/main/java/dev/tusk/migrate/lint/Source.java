package dev.tusk.migrate.lint;

import dev.tusk.migrate.SqlLexer;

/**
 * A migration file as lint reads it.
 *
 * @param order the file's place in run order (versions, then repeatables), for sorting findings
 * @param transactional false when line 1 is {@code -- tusk:no-transaction}
 */
record Source(String file, int order, boolean transactional, String text, SqlLexer lexer) {

  /** {@code offset} as a 1-based line and column, the column counted in characters. */
  Spot spot(Stmt stmt, int offset) {
    int line = lexer.lineAt(offset);
    int column = text.codePointCount(lexer.lineStart(line), offset) + 1;
    return new Spot(stmt, line, column);
  }
}
