package dev.tusk.rest.auth;

import dev.tusk.core.error.ConfigException;
import dev.tusk.rest.auth.RoleClaimPath.FilterOp;
import dev.tusk.rest.auth.RoleClaimPath.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSPath grammar of {@code api.jwt.role_claim_key}, by hand:
 *
 * <pre>
 * path   = ( "." key *bracket )+
 * key    = 1*( ALPHA / DIGIT / "_" / "$" / "@" ) / DQUOTE *( not DQUOTE ) DQUOTE
 * bracket= "[" 1*DIGIT "]" / "[" [int] ":" [int] "]"
 *        / "[?(@" *SP op *SP DQUOTE *( not DQUOTE ) DQUOTE *SP ")]"
 * op     = "==" / "!=" / "^==" / "==^" / "*=="
 * </pre>
 */
final class RoleClaimPathParser {

  private static final String KEY = "api.jwt.role_claim_key";
  private static final int MAX_LENGTH = 1024;

  private final String text;
  private int pos;

  private RoleClaimPathParser(String text) {
    this.text = text;
  }

  static RoleClaimPath parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new ConfigException(
          "config.bad_value",
          KEY + ": the path is " + text.length() + " characters; the limit is " + MAX_LENGTH,
          hint());
    }
    RoleClaimPathParser p = new RoleClaimPathParser(text);
    List<Step> steps = new ArrayList<>();
    if (text.isEmpty()) {
      throw p.error("a path starting with '.'");
    }
    while (p.pos < text.length()) {
      p.expect('.', "'.' and a key");
      steps.add(new Step.Key(p.key()));
      while (p.peek() == '[') {
        steps.add(p.bracket());
      }
    }
    return new RoleClaimPath(text, steps);
  }

  private String key() {
    if (peek() == '"') {
      pos++;
      int close = text.indexOf('"', pos);
      if (close < 0) {
        throw error("a closing '\"'");
      }
      String name = text.substring(pos, close);
      pos = close + 1;
      return name;
    }
    int start = pos;
    while (pos < text.length() && isKeyChar(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error("a key: letters, digits, _ $ @, or a \"quoted name\"");
    }
    return text.substring(start, pos);
  }

  private Step bracket() {
    expect('[', "'['");
    if (peek() == '?') {
      return filter();
    }
    Optional<Integer> first = integer(true);
    if (peek() == ':') {
      pos++;
      Optional<Integer> second = integer(true);
      expect(']', "']'");
      return new Step.Slice(first, second);
    }
    if (first.isEmpty() || first.get() < 0) {
      throw error("an array index (0, 1, ...) or a slice (a:b)");
    }
    expect(']', "']' or ':'");
    return new Step.Index(first.get());
  }

  private Step filter() {
    expect('?', "'?'");
    expect('(', "'('");
    expect('@', "'@'");
    spaces();
    FilterOp op = null;
    for (FilterOp candidate :
        new FilterOp[] {
          FilterOp.STARTS_WITH,
          FilterOp.ENDS_WITH,
          FilterOp.CONTAINS,
          FilterOp.EQUALS,
          FilterOp.NOT_EQUALS
        }) {
      if (text.startsWith(candidate.symbol(), pos)) {
        op = candidate;
        pos += candidate.symbol().length();
        break;
      }
    }
    if (op == null) {
      throw error("one of == != ^== ==^ *==");
    }
    spaces();
    expect('"', "a \"quoted string\"");
    int close = text.indexOf('"', pos);
    if (close < 0) {
      throw error("a closing '\"'");
    }
    String operand = text.substring(pos, close);
    pos = close + 1;
    spaces();
    expect(')', "')'");
    expect(']', "']'");
    return new Step.Filter(op, operand);
  }

  private Optional<Integer> integer(boolean signed) {
    int start = pos;
    if (signed && peek() == '-') {
      pos++;
    }
    int digits = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
      pos++;
    }
    if (pos == digits) {
      if (pos != start) {
        throw error("digits after '-'");
      }
      return Optional.empty();
    }
    if (pos - digits > 9) {
      throw error("a number below 1000000000");
    }
    return Optional.of(Integer.parseInt(text.substring(start, pos)));
  }

  private void spaces() {
    while (peek() == ' ') {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c, String what) {
    if (peek() != c || pos >= text.length()) {
      throw error(what);
    }
    pos++;
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '$'
        || c == '@';
  }

  private ConfigException error(String expected) {
    String found = pos < text.length() ? "'" + text.charAt(pos) + "'" : "the end";
    return new ConfigException(
        "config.bad_value",
        KEY
            + ": cannot parse \""
            + text
            + "\": expected "
            + expected
            + " at character "
            + (pos + 1)
            + ", found "
            + found,
        hint());
  }

  private static String hint() {
    return "use a JSPath such as .role, .app.roles[0], .\"https://example.com/claims\".role or"
        + " .roles[?(@ == \"admin\")]";
  }
}
