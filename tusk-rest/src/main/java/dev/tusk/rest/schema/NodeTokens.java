package dev.tusk.rest.schema;

/**
 * Splits PostgreSQL's node-tree text ({@code pg_node_tree}, as in {@code pg_rewrite.ev_action})
 * into tokens the way the server's own reader does: the four brackets {@code ( ) { }} are tokens of
 * their own, whitespace separates the rest, and a backslash makes the next character ordinary. An
 * unescaped {@code <>} is the null token; every other token comes back unescaped, so a column named
 * {@code a (b)} is one token {@code a (b)}.
 */
final class NodeTokens {

  enum Kind {
    OPEN_PAREN,
    CLOSE_PAREN,
    OPEN_BRACE,
    CLOSE_BRACE,
    NULL,
    ATOM,
    END
  }

  record Token(Kind kind, String text) {
    boolean isAtom(String s) {
      return kind == Kind.ATOM && text.equals(s);
    }
  }

  private final String source;
  private int pos;
  private Token peeked;

  NodeTokens(String source) {
    this.source = source;
  }

  Token peek() {
    if (peeked == null) {
      peeked = read();
    }
    return peeked;
  }

  Token next() {
    Token t = peek();
    peeked = null;
    return t;
  }

  private Token read() {
    while (pos < source.length() && isSpace(source.charAt(pos))) {
      pos++;
    }
    if (pos >= source.length()) {
      return new Token(Kind.END, "");
    }
    char c = source.charAt(pos);
    Kind bracket =
        switch (c) {
          case '(' -> Kind.OPEN_PAREN;
          case ')' -> Kind.CLOSE_PAREN;
          case '{' -> Kind.OPEN_BRACE;
          case '}' -> Kind.CLOSE_BRACE;
          default -> null;
        };
    if (bracket != null) {
      pos++;
      return new Token(bracket, String.valueOf(c));
    }
    StringBuilder text = new StringBuilder();
    boolean escaped = false;
    while (pos < source.length()) {
      char ch = source.charAt(pos);
      if (isSpace(ch) || ch == '(' || ch == ')' || ch == '{' || ch == '}') {
        break;
      }
      if (ch == '\\' && pos + 1 < source.length()) {
        escaped = true;
        text.append(source.charAt(pos + 1));
        pos += 2;
      } else {
        text.append(ch);
        pos++;
      }
    }
    String s = text.toString();
    return !escaped && s.equals("<>") ? new Token(Kind.NULL, s) : new Token(Kind.ATOM, s);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }
}
