package dev.tusk.migrate.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements that change where unqualified names resolve for the rest of the file: {@code SET
 * [SESSION | LOCAL] search_path ...}, {@code RESET search_path} / {@code RESET ALL}, and {@code
 * SELECT [pg_catalog.]set_config('search_path', '...', ...)} as pg_dump writes it.
 */
final class Session {

  private Session() {}

  static void set(Stmt s, LintContext ctx) {
    int k = 1;
    if (s.words(k, "session") || s.words(k, "local")) {
      k++;
    }
    if (k >= s.size() || !s.get(k).isName() || !s.get(k).text().equals("search_path")) {
      return;
    }
    k++;
    if (!s.words(k, "to") && !s.symbol(k, '=')) {
      return;
    }
    if (s.words(k + 1, "default")) {
      ctx.path(SearchPath.DEFAULT);
      return;
    }
    List<String> schemas = new ArrayList<>();
    for (Elements.Range r : Elements.split(s, k + 1, s.size(), 0)) {
      if (!r.isEmpty()) {
        schemas.add(s.get(r.from()).text());
      }
    }
    ctx.path(new SearchPath(schemas));
  }

  static void reset(Stmt s, LintContext ctx) {
    if (s.words(1, "all") || (s.size() > 1 && s.get(1).text().equals("search_path"))) {
      ctx.path(SearchPath.DEFAULT);
    }
  }

  /** {@code SELECT set_config('search_path', 'value', is_local)}. */
  static void select(Stmt s, LintContext ctx) {
    int k = 1;
    if (s.words(k, "pg_catalog") && s.symbol(k + 1, '.')) {
      k += 2;
    }
    if (s.words(k, "set_config")
        && s.symbol(k + 1, '(')
        && string(s, k + 2, "search_path")
        && s.symbol(k + 3, ',')
        && k + 4 < s.size()
        && s.get(k + 4).kind() == Token.Kind.STRING) {
      ctx.path(SearchPath.parse(s.get(k + 4).text()));
    }
  }

  private static boolean string(Stmt s, int i, String value) {
    return i < s.size() && s.get(i).kind() == Token.Kind.STRING && s.get(i).text().equals(value);
  }
}
