package dev.tusk.migrate.lint;

/**
 * {@code drop-column} and {@code alter-column-type}: ALTER TABLE actions that lose data or rewrite
 * the table. Neither is flagged when the same file created the table or added the column: then
 * nothing has been stored in it yet when the statement runs.
 */
final class ColumnChanges {

  private ColumnChanges() {}

  /** {@code DROP [COLUMN] [IF EXISTS] name}, DROP at token {@code k}. */
  static void drop(Stmt s, int k, ObjectName name, TableState table, LintContext ctx) {
    int c = s.words(k + 1, "column") ? k + 2 : k + 1;
    if (s.words(c, "if", "exists")) {
      c += 2;
    }
    if (c >= s.size() || !s.get(c).isName()) {
      return;
    }
    String column = s.get(c).text();
    TableState.Column state = table.columns().remove(column);
    if (isNew(table, state, ctx)) {
      return;
    }
    ctx.findings.add(
        Rule.DROP_COLUMN,
        s.spot(k),
        "DROP COLUMN deletes column "
            + Names.show(column)
            + " of "
            + name
            + " with all its data, and code that still reads or writes it fails once this runs");
  }

  /** {@code ALTER [COLUMN] name [SET DATA] TYPE type}, ALTER at token {@code k}. */
  static void alter(Stmt s, int k, ObjectName name, TableState table, LintContext ctx) {
    int c = s.words(k + 1, "column") ? k + 2 : k + 1;
    if (c >= s.size() || !s.get(c).isName()) {
      return;
    }
    int type;
    if (s.words(c + 1, "type")) {
      type = c + 2;
    } else if (s.words(c + 1, "set", "data", "type")) {
      type = c + 4;
    } else {
      return;
    }
    String column = s.get(c).text();
    TableState.Column before = table.columns().get(column);
    Source addedIn = before == null ? null : before.addedIn();
    table.columns().put(column, new TableState.Column(addedIn, ColumnTypes.naiveAt(s, type)));
    if (isNew(table, before, ctx)) {
      return;
    }
    ctx.findings.add(
        Rule.ALTER_COLUMN_TYPE,
        s.spot(k),
        "changing the type of column "
            + Names.show(column)
            + " of "
            + name
            + " rewrites the table and its indexes under a lock that blocks all access to it"
            + " (unless the change is binary-compatible, such as varchar(n) to text), and a"
            + " narrowing cast can lose data");
  }

  private static boolean isNew(TableState table, TableState.Column column, LintContext ctx) {
    return table.createdIn(ctx.source()) || (column != null && column.addedIn() == ctx.source());
  }
}
