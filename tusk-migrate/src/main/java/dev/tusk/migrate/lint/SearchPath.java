package dev.tusk.migrate.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Where unqualified names go, as far as lint can tell from the files: {@code public} (the default
 * path {@code "$user", public}, for a role without a schema of its own), until a {@code SET
 * search_path} or {@code set_config('search_path', ...)} in the same file says otherwise. Each file
 * starts again from {@code public}: a file that relies on an earlier file's setting is fragile
 * anyway, since one {@code up} run may start at either file.
 *
 * <p>{@code "$user"} and {@code pg_temp} entries are skipped: lint cannot know the first, and the
 * second is not where migrations mean to put things.
 */
record SearchPath(List<String> schemas) {

  static final SearchPath DEFAULT = new SearchPath(List.of("public"));

  SearchPath {
    schemas =
        schemas.stream()
            .filter(s -> !s.isEmpty() && !s.equals("$user") && !s.equals("pg_temp"))
            .toList();
  }

  /** The schema a new object with an unqualified name goes to; empty when the path is empty. */
  java.util.Optional<String> first() {
    return schemas.stream().findFirst();
  }

  /** A {@code set_config} value: a comma list, double quotes kept as written, the rest folded. */
  static SearchPath parse(String value) {
    List<String> out = new ArrayList<>();
    int n = value.length();
    int i = 0;
    while (i < n) {
      char c = value.charAt(i);
      if (Tokenizer.isSpace(c) || c == ',') {
        i++;
      } else if (c == '"') {
        StringBuilder name = new StringBuilder();
        i++;
        while (i < n && !(value.charAt(i) == '"' && !value.startsWith("\"\"", i))) {
          name.append(value.charAt(i));
          i += value.startsWith("\"\"", i) ? 2 : 1;
        }
        out.add(name.toString());
        i = skipToComma(value, i + 1);
      } else {
        int end = value.indexOf(',', i);
        end = end < 0 ? n : end;
        out.add(Names.fold(value.substring(i, end).strip()));
        i = end;
      }
    }
    return new SearchPath(out);
  }

  private static int skipToComma(String value, int i) {
    int comma = value.indexOf(',', Math.min(i, value.length()));
    return comma < 0 ? value.length() : comma;
  }
}
