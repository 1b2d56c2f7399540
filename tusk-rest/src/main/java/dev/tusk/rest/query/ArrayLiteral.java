package dev.tusk.rest.query;

import java.util.List;

/**
 * A PostgreSQL array literal ({@code {"a","b"}}) built from values, sent as one parameter. Every
 * element is double-quoted with backslashes and quotes escaped, so commas, braces, quotes, blanks
 * and the word NULL stay text; a Java null becomes an unquoted NULL element.
 */
public final class ArrayLiteral {

  private ArrayLiteral() {}

  public static String of(List<String> values) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String v = values.get(i);
      if (v == null) {
        out.append("NULL");
        continue;
      }
      out.append('"');
      for (int j = 0; j < v.length(); j++) {
        char c = v.charAt(j);
        if (c == '"' || c == '\\') {
          out.append('\\');
        }
        out.append(c);
      }
      out.append('"');
    }
    return out.append('}').toString();
  }
}
