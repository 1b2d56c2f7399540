package dev.tusk.core.config;

import java.util.List;

/**
 * Checks a role claim key against PostgREST's JSPath grammar ({@code Config/JSPath.hs}), so a typo
 * fails at startup rather than turning every token into "role claim missing": one or more of {@code
 * .key} (letters, digits, {@code _$@}), {@code ."quoted key"}, {@code [index]}, and as the last
 * step a filter {@code [?(@ == "value")]} with {@code ==}, {@code !=}, {@code ^==} (starts with),
 * {@code ==^} or {@code $==} (ends with), {@code *==} (contains).
 */
final class JsPath {

  static final String EXPECTATION =
      "a JSPath such as .role, .\"https://example.com/role\" or .realm.roles[0]";

  /** Longest first, so {@code ==^} is not read as {@code ==}. */
  private static final List<String> OPERATORS = List.of("==^", "^==", "$==", "*==", "==", "!=");

  private JsPath() {}

  static String check(Scalar s) {
    String path = Convert.text(s, EXPECTATION);
    if (!valid(path)) {
      throw ConfigErrors.badValue(s, EXPECTATION);
    }
    return path;
  }

  static boolean valid(String p) {
    int i = 0;
    int steps = 0;
    while (i < p.length()) {
      int next;
      if (p.charAt(i) == '.') {
        next = key(p, i + 1);
      } else if (p.startsWith("[?(", i)) {
        next = filter(p, i + 3);
        if (next != p.length()) {
          return false;
        }
      } else if (p.charAt(i) == '[') {
        next = index(p, i + 1);
      } else {
        return false;
      }
      if (next < 0) {
        return false;
      }
      i = next;
      steps++;
    }
    return steps > 0;
  }

  private static int key(String p, int i) {
    if (i < p.length() && p.charAt(i) == '"') {
      return quoted(p, i);
    }
    int start = i;
    while (i < p.length()
        && (Character.isLetterOrDigit(p.charAt(i)) || "_$@".indexOf(p.charAt(i)) >= 0)) {
      i++;
    }
    return i > start ? i : -1;
  }

  private static int index(String p, int i) {
    int start = i;
    while (i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '9') {
      i++;
    }
    boolean ok = i > start && i - start <= 9 && i < p.length() && p.charAt(i) == ']';
    return ok ? i + 1 : -1;
  }

  private static int filter(String p, int i) {
    if (i >= p.length() || p.charAt(i) != '@') {
      return -1;
    }
    i = spaces(p, i + 1);
    int at = i;
    String op = OPERATORS.stream().filter(o -> p.startsWith(o, at)).findFirst().orElse(null);
    if (op == null) {
      return -1;
    }
    i = spaces(p, i + op.length());
    int end = quoted(p, i);
    return end >= 0 && p.startsWith(")]", end) ? end + 2 : -1;
  }

  private static int quoted(String p, int i) {
    if (i >= p.length() || p.charAt(i) != '"') {
      return -1;
    }
    int close = p.indexOf('"', i + 1);
    return close < 0 ? -1 : close + 1;
  }

  private static int spaces(String p, int i) {
    while (i < p.length() && Character.isWhitespace(p.charAt(i))) {
      i++;
    }
    return i;
  }
}
