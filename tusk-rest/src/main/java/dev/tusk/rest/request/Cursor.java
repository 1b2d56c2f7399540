package dev.tusk.rest.request;

import java.util.List;

/**
 * A position in one decoded query parameter, with the error reporting every grammar shares: a
 * PGRST100 whose message names the parameter and the 1-based column, and whose details say what was
 * found and what was expected, in the shape of PostgREST's parser errors.
 */
final class Cursor {

  /** Longest input echoed into an error message; the rest is elided. */
  private static final int ECHO_LIMIT = 200;

  private final String input;
  private final String subject;
  private final String shown;
  private int pos;

  /**
   * @param subject what is parsed, as PostgREST words it: "select parameter", "filter", ...
   */
  Cursor(String input, String subject) {
    this(input, subject, input);
  }

  /** As above, but the error message shows {@code shown} rather than the parsed text. */
  Cursor(String input, String subject, String shown) {
    this.input = input;
    this.subject = subject;
    this.shown = shown;
  }

  String input() {
    return input;
  }

  int pos() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  boolean atEnd() {
    return pos >= input.length();
  }

  /** The current character, or {@code 0} at the end (callers check {@link #atEnd} first). */
  char peek() {
    return atEnd() ? 0 : input.charAt(pos);
  }

  boolean peekIs(char c) {
    return !atEnd() && input.charAt(pos) == c;
  }

  boolean lookingAt(String s) {
    return input.startsWith(s, pos);
  }

  char next() {
    return input.charAt(pos++);
  }

  boolean consume(char c) {
    if (peekIs(c)) {
      pos++;
      return true;
    }
    return false;
  }

  boolean consume(String s) {
    if (lookingAt(s)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  void expect(char c) {
    if (!consume(c)) {
      throw fail("\"" + c + "\"");
    }
  }

  /** Skips blanks, which the grammar allows around separators. */
  void skipBlanks() {
    while (peekIs(' ') || peekIs('\t')) {
      pos++;
    }
  }

  String rest() {
    String r = input.substring(pos);
    pos = input.length();
    return r;
  }

  /** A syntax error at the current position. */
  ApiRequestException fail(String... expected) {
    String found = atEnd() ? "end of input" : "\"" + codePointAt(pos) + "\"";
    String details = "unexpected " + found;
    if (expected.length > 0) {
      details += " expecting " + orList(List.of(expected));
    }
    return failWith(pos, details);
  }

  /** An error at {@code position} with free-form details. */
  ApiRequestException failWith(int position, String details) {
    String message =
        "\"failed to parse "
            + subject
            + " ("
            + echo(shown)
            + ")\" (line 1, column "
            + (position + 1)
            + ")";
    return new ApiRequestException(new ApiRequestError.QueryParamError(message, details));
  }

  private String codePointAt(int i) {
    return new String(Character.toChars(input.codePointAt(i)));
  }

  static String echo(String s) {
    return s.length() <= ECHO_LIMIT ? s : s.substring(0, ECHO_LIMIT) + "...";
  }

  static String orList(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " or "
        + items.get(items.size() - 1);
  }
}
