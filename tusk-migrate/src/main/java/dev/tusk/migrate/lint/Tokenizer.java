package dev.tusk.migrate.lint;

import dev.tusk.migrate.SqlLexer;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a span of a migration file into {@link Token}s and line comments, using {@link SqlLexer}
 * (the splitter's own rules) for where strings, quoted identifiers, dollar quotes and comments end.
 * The spans it reads are statements the splitter already accepted, so nothing is unterminated.
 */
final class Tokenizer {

  /** A {@code --} comment: where it starts and its text from the dashes to the line end. */
  record Comment(int offset, String text) {}

  private final String s;
  private final SqlLexer lex;

  Tokenizer(String text, SqlLexer lex) {
    this.s = text;
    this.lex = lex;
  }

  /** The tokens of {@code [from, to)}; its line comments are added to {@code comments}. */
  List<Token> tokens(int from, int to, List<Comment> comments) {
    List<Token> out = new ArrayList<>();
    int depth = 0;
    int i = from;
    while (i < to) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        i++;
      } else if (s.startsWith("--", i)) {
        int end = Math.min(lex.lineCommentEnd(i), to);
        comments.add(new Comment(i, s.substring(i, end)));
        i = end;
      } else if (s.startsWith("/*", i)) {
        i = lex.blockCommentEnd(i);
      } else if (c == '(') {
        out.add(new Token(Token.Kind.SYMBOL, "(", i++, depth++));
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        out.add(new Token(Token.Kind.SYMBOL, ")", i++, depth));
      } else {
        i = token(i, c, depth, out);
      }
    }
    return out;
  }

  private int token(int i, char c, int depth, List<Token> out) {
    switch (c) {
      case '\'' -> {
        int end = lex.quotedEnd(i, '\'');
        out.add(new Token(Token.Kind.STRING, undouble(i, end, '\''), i, depth));
        return end;
      }
      case '"' -> {
        int end = lex.quotedEnd(i, '"');
        out.add(new Token(Token.Kind.QUOTED, undouble(i, end, '"'), i, depth));
        return end;
      }
      case '$' -> {
        return dollar(i, depth, out);
      }
      default -> {
        if (SqlLexer.isIdentStart(c)) {
          return word(i, depth, out);
        }
        if (c >= '0' && c <= '9') {
          int j = i + 1;
          while (j < s.length() && (SqlLexer.isIdentPart(s.charAt(j)) || s.charAt(j) == '.')) {
            j++;
          }
          out.add(new Token(Token.Kind.NUMBER, s.substring(i, j), i, depth));
          return j;
        }
        out.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i, depth));
        return i + 1;
      }
    }
  }

  private int dollar(int i, int depth, List<Token> out) {
    String tag = lex.dollarTag(i);
    if (tag != null) {
      int end = lex.dollarQuoteEnd(i, tag);
      out.add(
          new Token(
              Token.Kind.STRING, s.substring(i + tag.length(), end - tag.length()), i, depth));
      return end;
    }
    int j = i + 1;
    while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
      j++;
    }
    Token.Kind kind = j > i + 1 ? Token.Kind.PARAM : Token.Kind.SYMBOL;
    out.add(new Token(kind, s.substring(i, j), i, depth));
    return j;
  }

  private int word(int i, int depth, List<Token> out) {
    int j = i + 1;
    while (j < s.length() && SqlLexer.isIdentPart(s.charAt(j))) {
      j++;
    }
    if (j == i + 1 && (s.charAt(i) == 'e' || s.charAt(i) == 'E') && j < s.length()) {
      if (s.charAt(j) == '\'') {
        int end = lex.escapeStringEnd(j);
        out.add(new Token(Token.Kind.STRING, s.substring(j + 1, end - 1), i, depth));
        return end;
      }
    }
    out.add(new Token(Token.Kind.WORD, Names.fold(s.substring(i, j)), i, depth));
    return j;
  }

  /** PostgreSQL's whitespace, as the splitter reads it. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** The text between the quotes at {@code start} and {@code end - 1}, doubled quotes undone. */
  private String undouble(int start, int end, char quote) {
    String q = String.valueOf(quote);
    return s.substring(start + 1, end - 1).replace(q + q, q);
  }
}
