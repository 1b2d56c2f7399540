package dev.tusk.migrate.lint;

import dev.tusk.migrate.SqlLexer;
import dev.tusk.migrate.SqlScript;
import dev.tusk.migrate.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds each statement the splitter produced in its file's text, tokenizes it, and attaches the
 * {@code tusk-lint-ignore} comments: one inside a statement, or on the line where a statement ends
 * (after its {@code ;}), belongs to that statement; any other belongs to the next statement. COPY
 * data lines are skipped, never read as SQL.
 */
final class ScriptReader {

  private final Source source;
  private final String text;
  private final SqlLexer lex;
  private final Tokenizer tokenizer;
  private final Findings findings;

  private ScriptReader(Source source, Findings findings) {
    this.source = source;
    this.text = source.text();
    this.lex = source.lexer();
    this.tokenizer = new Tokenizer(text, lex);
    this.findings = findings;
  }

  /** The statements of {@code script}, the {@code order}-th file in run order. */
  static List<Stmt> read(SqlScript script, int order, Findings findings) {
    SqlLexer lex = new SqlLexer(script.file(), script.text());
    Source source = new Source(script.file(), order, script.transactional(), script.text(), lex);
    return new ScriptReader(source, findings).read(script.statements());
  }

  private List<Stmt> read(List<SqlStatement> statements) {
    List<Stmt> out = new ArrayList<>();
    int cursor = text.startsWith("\uFEFF") ? 1 : 0;
    Stmt previous = null;
    int previousEndLine = -1;
    for (SqlStatement st : statements) {
      List<Tokenizer.Comment> gap = new ArrayList<>();
      int start = skipGap(cursor, gap);
      if (!text.startsWith(st.sql(), start)) {
        throw new IllegalStateException(
            source.file() + ":" + st.line() + ": lint lost track of the statement boundaries");
      }
      int end = start + st.sql().length();
      List<Tokenizer.Comment> inside = new ArrayList<>();
      Stmt stmt = new Stmt(source, tokenizer.tokens(start, end, inside));
      for (Tokenizer.Comment c : gap) {
        boolean trailing = previous != null && lex.lineAt(c.offset()) == previousEndLine;
        attach(c, trailing ? previous : stmt);
      }
      inside.forEach(c -> attach(c, stmt));
      out.add(stmt);
      previous = stmt;
      previousEndLine = lex.lineAt(end - 1);
      cursor = st instanceof SqlStatement.CopyIn copy ? afterData(copy) : end;
    }
    List<Tokenizer.Comment> tail = new ArrayList<>();
    skipGap(cursor, tail);
    for (Tokenizer.Comment c : tail) {
      if (previous != null && lex.lineAt(c.offset()) == previousEndLine) {
        attach(c, previous);
      } else if (!(Suppression.parse(c.text()) instanceof Suppression.NotOne)) {
        findings.comment(
            Rule.BAD_SUPPRESSION,
            source,
            c.offset(),
            "this lint comment is at the end of the file, with no statement after it to apply to");
      }
    }
    return out;
  }

  private void attach(Tokenizer.Comment c, Stmt stmt) {
    switch (Suppression.parse(c.text())) {
      case Suppression.NotOne n -> {}
      case Suppression.Rules r -> stmt.ignore(r.rules());
      case Suppression.Bad b ->
          findings.comment(Rule.BAD_SUPPRESSION, source, c.offset(), b.message());
    }
  }

  /** From {@code i}, past whitespace, comments (collected) and semicolons. */
  private int skipGap(int i, List<Tokenizer.Comment> comments) {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Tokenizer.isSpace(c) || c == ';') {
        i++;
      } else if (text.startsWith("--", i)) {
        int end = lex.lineCommentEnd(i);
        comments.add(new Tokenizer.Comment(i, text.substring(i, end)));
        i = end;
      } else if (text.startsWith("/*", i)) {
        i = lex.blockCommentEnd(i);
      } else {
        break;
      }
    }
    return i;
  }

  /** The offset after the {@code \.} line that ends a COPY's data. */
  private int afterData(SqlStatement.CopyIn copy) {
    return lex.lineStart(copy.dataLine()) + copy.data().length() + 2;
  }
}
