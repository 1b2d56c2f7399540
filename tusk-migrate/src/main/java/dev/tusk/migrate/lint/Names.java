package dev.tusk.migrate.lint;

import java.util.Set;

/** How PostgreSQL folds unquoted names, and how messages show a name so it can be pasted back. */
final class Names {

  /** Keywords that cannot be a bare column or table name, so {@link #show} quotes them. */
  private static final Set<String> RESERVED =
      Set.of(
          "all",
          "analyse",
          "analyze",
          "and",
          "any",
          "array",
          "as",
          "asc",
          "asymmetric",
          "authorization",
          "binary",
          "both",
          "case",
          "cast",
          "check",
          "collate",
          "collation",
          "column",
          "concurrently",
          "constraint",
          "create",
          "cross",
          "current_catalog",
          "current_date",
          "current_role",
          "current_schema",
          "current_time",
          "current_timestamp",
          "current_user",
          "default",
          "deferrable",
          "desc",
          "distinct",
          "do",
          "else",
          "end",
          "except",
          "false",
          "fetch",
          "for",
          "foreign",
          "freeze",
          "from",
          "full",
          "grant",
          "group",
          "having",
          "ilike",
          "in",
          "initially",
          "inner",
          "intersect",
          "into",
          "is",
          "isnull",
          "join",
          "lateral",
          "leading",
          "left",
          "like",
          "limit",
          "localtime",
          "localtimestamp",
          "natural",
          "not",
          "notnull",
          "null",
          "offset",
          "on",
          "only",
          "or",
          "order",
          "outer",
          "overlaps",
          "placing",
          "primary",
          "references",
          "returning",
          "right",
          "select",
          "session_user",
          "similar",
          "some",
          "symmetric",
          "system_user",
          "table",
          "tablesample",
          "then",
          "to",
          "trailing",
          "true",
          "union",
          "unique",
          "user",
          "using",
          "variadic",
          "verbose",
          "when",
          "where",
          "window",
          "with");

  private Names() {}

  /**
   * An unquoted identifier as PostgreSQL stores it: ASCII letters lower-cased, everything else kept
   * (in UTF-8 databases the server folds only ASCII).
   */
  static String fold(String word) {
    StringBuilder out = null;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (out == null) {
          out = new StringBuilder(word);
        }
        out.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return out == null ? word : out.toString();
  }

  /** {@code name} as SQL would write it: bare when it is a plain lower-case name, else quoted. */
  static String show(String name) {
    boolean plain = !name.isEmpty() && (name.charAt(0) == '_' || isLower(name.charAt(0)));
    for (int i = 1; plain && i < name.length(); i++) {
      char c = name.charAt(i);
      plain = c == '_' || c == '$' || isLower(c) || (c >= '0' && c <= '9');
    }
    return plain && !RESERVED.contains(name) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }
}
