package dev.tusk.migrate.lint;

/**
 * One token of a statement. Rules match keywords only on {@link Kind#WORD} tokens, so a quoted
 * identifier {@code "drop"}, a string {@code 'DROP COLUMN'} or a dollar-quoted function body never
 * reads as a keyword.
 *
 * @param text a word folded to lower case (ASCII only, as PostgreSQL folds unquoted names); a
 *     quoted identifier or a standard string with its doubled quotes undone; otherwise the source
 *     text
 * @param offset where the token starts in the file's text
 * @param depth how many parentheses enclose it; a parenthesis itself has the depth outside it
 */
record Token(Kind kind, String text, int offset, int depth) {

  enum Kind {
    /** A keyword or unquoted identifier. */
    WORD,
    /** A double-quoted identifier. */
    QUOTED,
    /** A string constant: {@code '...'}, {@code E'...'} or dollar-quoted. */
    STRING,
    NUMBER,
    /** A positional parameter {@code $1}. */
    PARAM,
    /** Any other single character: punctuation or one character of an operator. */
    SYMBOL
  }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  boolean isSymbol(char c) {
    return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
  }

  /** A word or a quoted identifier: something that can name an object. */
  boolean isName() {
    return kind == Kind.WORD || kind == Kind.QUOTED;
  }
}
