package dev.tusk.migrate.lint;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code ALTER TABLE}: RLS on and off, columns added, dropped and retyped, renames and schema moves
 * (so later statements find the table under its new name), constraints that build an index, and
 * {@code DETACH PARTITION ... CONCURRENTLY}. Each comma-separated action is read on its own.
 */
final class AlterTable {

  private AlterTable() {}

  /** The statement from {@code i}, the token after ALTER TABLE. */
  static void run(Stmt s, int i, LintContext ctx) {
    if (s.words(i, "all", "in", "tablespace")) {
      return;
    }
    if (s.words(i, "if", "exists")) {
      i += 2;
    }
    if (s.words(i, "only")) {
      i++;
    }
    Ref ref = Ref.at(s, i);
    if (ref == null) {
      return;
    }
    int j = s.symbol(ref.next(), '*') ? ref.next() + 1 : ref.next();
    Optional<ObjectName> name = ctx.resolveTable(ref);
    if (s.words(j, "rename")) {
      name.ifPresent(n -> rename(s, j + 1, n, ctx));
    } else if (s.words(j, "set", "schema") && j + 2 < s.size() && s.get(j + 2).isName()) {
      name.ifPresent(n -> ctx.catalog.moveTable(n, new ObjectName(s.get(j + 2).text(), n.name())));
    } else {
      for (Elements.Range action : Elements.split(s, j, s.size(), 0)) {
        action(s, action, name, ctx);
      }
    }
  }

  private static void rename(Stmt s, int k, ObjectName table, LintContext ctx) {
    if (s.words(k, "to") && k + 1 < s.size() && s.get(k + 1).isName()) {
      ctx.catalog.moveTable(table, new ObjectName(table.schema(), s.get(k + 1).text()));
      return;
    }
    if (s.words(k, "constraint")) {
      return;
    }
    int c = s.words(k, "column") ? k + 1 : k;
    if (c + 2 < s.size() && s.get(c).isName() && s.words(c + 1, "to") && s.get(c + 2).isName()) {
      TableState t = ctx.catalog.table(table);
      TableState.Column column = t.columns().remove(s.get(c).text());
      if (column != null) {
        t.columns().put(s.get(c + 2).text(), column);
      }
    }
  }

  private static void action(Stmt s, Elements.Range a, Optional<ObjectName> name, LintContext ctx) {
    int k = a.from();
    if (s.words(k, "detach", "partition")) {
      for (int c = k; c < a.to(); c++) {
        if (s.words(c, "concurrently")) {
          Transactions.needsNoTransaction(s, c, "DETACH PARTITION CONCURRENTLY", ctx);
        }
      }
      return;
    }
    if (name.isEmpty()) {
      return;
    }
    TableState table = ctx.catalog.table(name.get());
    if (s.words(k, "enable", "row", "level", "security")) {
      table.rls(true);
    } else if (s.words(k, "disable", "row", "level", "security")) {
      table.rls(false);
    } else if (s.words(k, "add")) {
      add(s, a, name, table, ctx);
    } else if (s.words(k, "drop") && !s.words(k + 1, "constraint")) {
      ColumnChanges.drop(s, k, name.get(), table, ctx);
    } else if (s.words(k, "alter") && !s.words(k + 1, "constraint")) {
      ColumnChanges.alter(s, k, name.get(), table, ctx);
    }
  }

  private static void add(
      Stmt s, Elements.Range a, Optional<ObjectName> name, TableState table, LintContext ctx) {
    int c = a.from() + 1;
    boolean named = s.words(c, "constraint");
    if (named) {
      c += 2;
    }
    boolean exclude = s.words(c, "exclude") && (s.words(c + 1, "using") || s.symbol(c + 1, '('));
    if (s.words(c, "primary", "key") || s.words(c, "unique") || exclude) {
      boolean usingIndex = false;
      for (int k = c; k < a.to(); k++) {
        usingIndex |= s.words(k, "using", "index");
      }
      if (!usingIndex) {
        String what =
            s.words(c, "primary") ? "PRIMARY KEY" : s.get(c).text().toUpperCase(Locale.ROOT);
        IndexBuilds.constraint(s, a.from(), name, "ALTER TABLE ... ADD " + what, ctx);
      }
      return;
    }
    if (named || s.words(c, "check") || s.words(c, "foreign")) {
      return;
    }
    if (s.words(c, "column")) {
      c++;
    }
    if (s.words(c, "if", "not", "exists")) {
      c += 3;
    }
    if (c < a.to() && s.get(c).isName()) {
      CreateTable.add(s, s.get(c).text(), c + 1, table, ctx);
    }
  }
}
