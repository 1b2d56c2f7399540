package dev.tusk.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration file into statements the way psql would run it, so a file that works with
 * {@code psql -f} works here: a {@code ;} outside quotes, comments, parentheses and {@code BEGIN
 * ATOMIC} bodies ends a statement; {@code COPY ... FROM stdin;} takes the following lines as data
 * up to a line that is exactly {@code \.}. Each statement keeps its starting line for {@code
 * file:line} errors. Unterminated quotes, comments, bodies and COPY data, psql meta-commands and
 * misplaced directives are errors here, before anything runs, rather than confusing server errors
 * later.
 *
 * <p>Pure: text in, {@link SqlScript} out. One splitter reads one file.
 */
final class SqlSplitter {

  private final String file;
  private final String s;
  private final SqlLexer lex;
  private final List<SqlStatement> statements = new ArrayList<>();
  private boolean transactional = true;
  private int start = -1;
  private int parenDepth;
  private int parenOpen;
  private StatementShape shape;

  private SqlSplitter(String file, String text) {
    this.file = file;
    this.s = text;
    this.lex = new SqlLexer(file, text);
  }

  /** Splits {@code text} (line ends already LF) read from {@code file}. */
  static SqlScript split(String file, String text) {
    return new SqlSplitter(file, text).run();
  }

  private SqlScript run() {
    int i = s.startsWith("\uFEFF") ? 1 : 0;
    while (i < s.length()) {
      i = step(i);
    }
    if (start >= 0) {
      finishAtEnd();
    }
    return new SqlScript(file, transactional, statements, s);
  }

  private int step(int i) {
    char c = s.charAt(i);
    if (isSpace(c)) {
      return i + 1;
    }
    if (s.startsWith("--", i)) {
      int end = lex.lineCommentEnd(i);
      transactional &= !Directive.check(lex, s, i, s.substring(i, end));
      return end;
    }
    if (s.startsWith("/*", i)) {
      return lex.blockCommentEnd(i);
    }
    if (c == ';') {
      if (start < 0) {
        return i + 1;
      }
      if (parenDepth == 0 && shape.bodyDepth() == 0) {
        return endStatement(i);
      }
      shape.token(c);
      return i + 1;
    }
    if (start < 0) {
      start = i;
      shape = new StatementShape();
    }
    return token(i, c);
  }

  private int token(int i, char c) {
    switch (c) {
      case '\'' -> {
        shape.token(c);
        return lex.quotedEnd(i, '\'');
      }
      case '"' -> {
        shape.token(c);
        return lex.quotedEnd(i, '"');
      }
      case '$' -> {
        shape.token(c);
        String tag = lex.dollarTag(i);
        return tag == null ? i + 1 : lex.dollarQuoteEnd(i, tag);
      }
      case '(' -> {
        if (parenDepth++ == 0) {
          parenOpen = i;
        }
        shape.token(c);
        return i + 1;
      }
      case ')' -> {
        parenDepth = Math.max(0, parenDepth - 1);
        shape.token(c);
        return i + 1;
      }
      case '\\' ->
          throw lex.error(
              "migrate.meta_command",
              i,
              "a backslash outside a string: psql meta-commands (\\i, \\set, \\copy) do not run"
                  + " in migrations",
              "write plain SQL; for data use COPY ... FROM stdin; with the rows on the next lines");
      default -> {
        return SqlLexer.isIdentStart(c) ? word(i) : other(i, c);
      }
    }
  }

  private int word(int i) {
    int j = i + 1;
    while (j < s.length() && SqlLexer.isIdentPart(s.charAt(j))) {
      j++;
    }
    if (j == i + 1 && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      if (j < s.length() && s.charAt(j) == '\'') {
        shape.token('\'');
        return lex.escapeStringEnd(j);
      }
    }
    shape.word(s.substring(i, j).toLowerCase(Locale.ROOT), parenDepth, i);
    return j;
  }

  private int other(int i, char c) {
    shape.token(c);
    int j = i + 1;
    if (c >= '0' && c <= '9') {
      while (j < s.length() && (SqlLexer.isIdentPart(s.charAt(j)) || s.charAt(j) == '.')) {
        j++;
      }
    }
    return j;
  }

  private int endStatement(int semicolon) {
    String sql = s.substring(start, semicolon).stripTrailing();
    int line = lex.lineAt(start);
    int next = semicolon + 1;
    if (shape.copyToStdout()) {
      throw lex.error(
          "migrate.copy_to_stdout",
          start,
          "COPY ... TO stdout writes to the client; a migration has nowhere to put the rows",
          "remove the statement, or COPY TO a server file if that is really wanted");
    }
    if (shape.copyFromStdin()) {
      next = CopyData.read(s, lex, semicolon, line, sql, statements);
    } else {
      statements.add(new SqlStatement.Plain(line, sql));
    }
    start = -1;
    shape = null;
    return next;
  }

  private void finishAtEnd() {
    if (parenDepth > 0) {
      throw lex.error(
          "migrate.unbalanced",
          parenOpen,
          "this ( is never closed, so the statement runs to the end of the file",
          "add the missing )");
    }
    if (shape.bodyDepth() > 0) {
      throw lex.error(
          "migrate.unterminated",
          shape.bodyStart(),
          "this BEGIN ATOMIC body has no END, so it runs to the end of the file",
          "end the function body with END;");
    }
    if (shape.copyFromStdin()) {
      throw lex.error(
          "migrate.copy_data",
          start,
          "COPY ... FROM stdin at the end of the file has no data",
          "end the COPY statement with ; and put the rows on the lines after it, then a line \\.");
    }
    statements.add(new SqlStatement.Plain(lex.lineAt(start), s.substring(start).stripTrailing()));
  }

  /** PostgreSQL's whitespace: space, tab, newline, carriage return, form feed, vertical tab. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }
}
