package dev.tusk.migrate.lint;

import java.util.Optional;
import java.util.Set;

/**
 * {@code CREATE TABLE}: records the table (for {@code rls-missing} and the index rule) and its
 * columns' types (for {@code timestamp-without-tz}). Temporary tables are skipped: they vanish with
 * the session and no API sees them. {@code CREATE TABLE ... AS}, {@code OF type} and {@code
 * PARTITION OF} create a table whose column types lint does not see.
 */
final class CreateTable {

  /** Words that start a table constraint rather than a column. */
  private static final Set<String> CONSTRAINTS =
      Set.of("constraint", "check", "unique", "primary", "foreign", "like");

  private CreateTable() {}

  /** The statement from {@code i}, the token after CREATE [OR REPLACE]. */
  static void run(Stmt s, int i, LintContext ctx) {
    boolean temporary = false;
    while (s.words(i, "global")
        || s.words(i, "local")
        || s.words(i, "unlogged")
        || s.words(i, "temp")
        || s.words(i, "temporary")) {
      temporary |= s.words(i, "temp") || s.words(i, "temporary");
      i++;
    }
    if (!s.words(i, "table")) {
      return;
    }
    i++;
    boolean ifNotExists = s.words(i, "if", "not", "exists");
    Ref ref = Ref.at(s, ifNotExists ? i + 3 : i);
    if (ref == null || temporary) {
      return;
    }
    Optional<ObjectName> name = ctx.resolveNew(ref);
    if (name.isEmpty() || (ifNotExists && ctx.catalog.hasTable(name.get()))) {
      return;
    }
    TableState table = new TableState(s.spot(ref.first()));
    ctx.catalog.tables().put(name.get(), table);
    int open = ref.next();
    if (s.symbol(open, '(') && !s.words(s.closing(open) + 1, "as")) {
      for (Elements.Range e : Elements.inside(s, open)) {
        column(s, e, table, ctx);
      }
    }
  }

  private static void column(Stmt s, Elements.Range e, TableState table, LintContext ctx) {
    if (e.isEmpty()) {
      return;
    }
    Token first = s.get(e.from());
    boolean constraint =
        (first.kind() == Token.Kind.WORD && CONSTRAINTS.contains(first.text()))
            || (first.isWord("exclude")
                && (s.words(e.from() + 1, "using") || s.symbol(e.from() + 1, '(')));
    if (constraint || !first.isName()) {
      return;
    }
    add(s, first.text(), e.from() + 1, table, ctx);
  }

  /** A column named {@code column} whose type starts at token {@code type}. */
  static void add(Stmt s, String column, int type, TableState table, LintContext ctx) {
    table.columns().put(column, new TableState.Column(ctx.source(), ColumnTypes.naiveAt(s, type)));
  }
}
