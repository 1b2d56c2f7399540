package dev.tusk.core.libpq;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code key=value} form, as libpq's {@code conninfo_parse}: whitespace (C's {@code isspace})
 * around keywords and after {@code =}; a value either unquoted up to the next whitespace or in
 * single quotes; in both, a backslash takes the next character literally. A later keyword overrides
 * an earlier one. Keywords must look like libpq's (letters, digits, {@code _}); libpq would refuse
 * any other as an unknown option.
 */
final class PairsForm {

  private PairsForm() {}

  static ConnInfo parse(String s, Function<Problem, ? extends RuntimeException> onError) {
    Map<String, String> values = new LinkedHashMap<>();
    int n = s.length();
    int i = skipSpace(s, 0);
    while (i < n) {
      int start = i;
      while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '=') {
        i++;
      }
      String key = s.substring(start, i);
      i = skipSpace(s, i);
      if (i == n || s.charAt(i) != '=') {
        throw onError.apply(Problem.MISSING_EQUALS);
      }
      if (key.isEmpty()) {
        throw onError.apply(Problem.NO_KEYWORD);
      }
      if (!ConnInfo.isKeyword(key)) {
        throw onError.apply(Problem.BAD_KEYWORD);
      }
      i = skipSpace(s, i + 1);
      StringBuilder value = new StringBuilder();
      if (i < n && s.charAt(i) == '\'') {
        i++;
        while (true) {
          if (i == n) {
            throw onError.apply(Problem.UNTERMINATED_QUOTE);
          }
          char c = s.charAt(i++);
          if (c == '\'') {
            break;
          }
          if (c == '\\') {
            if (i < n) {
              value.append(s.charAt(i++));
            }
          } else {
            value.append(c);
          }
        }
      } else {
        while (i < n && !isSpace(s.charAt(i))) {
          char c = s.charAt(i++);
          if (c == '\\') {
            if (i < n) {
              value.append(s.charAt(i++));
            }
          } else {
            value.append(c);
          }
        }
      }
      values.put(key, value.toString());
      i = skipSpace(s, i);
    }
    return new ConnInfo(ConnInfo.Form.PAIRS, values, List.of());
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** C's {@code isspace} in the C locale, which is what libpq splits on. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
  }
}
