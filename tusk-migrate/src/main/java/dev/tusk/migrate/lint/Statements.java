package dev.tusk.migrate.lint;

/**
 * Sends each statement to the check for its kind, by its leading keywords. Statements of other
 * kinds (DML, views, grants, DO blocks) change nothing lint follows and are passed over; a DO
 * block's body is a string, so nothing inside it is read.
 */
final class Statements {

  private Statements() {}

  static void analyze(Stmt s, LintContext ctx) {
    Transactions.check(s, ctx);
    if (s.words(0, "create")) {
      create(s, ctx);
    } else if (s.words(0, "alter", "table")) {
      AlterTable.run(s, 2, ctx);
    } else if (s.words(0, "alter", "function")
        || s.words(0, "alter", "procedure")
        || s.words(0, "alter", "routine")) {
      Routines.alter(s, 2, ctx);
    } else if (s.words(0, "drop", "table")) {
      dropTables(s, ctx);
    } else if (s.words(0, "drop", "function")
        || s.words(0, "drop", "procedure")
        || s.words(0, "drop", "routine")) {
      Routines.drop(s, 2, ctx);
    } else if (s.words(0, "set")) {
      Session.set(s, ctx);
    } else if (s.words(0, "reset")) {
      Session.reset(s, ctx);
    } else if (s.words(0, "select")) {
      Session.select(s, ctx);
    }
  }

  private static void create(Stmt s, LintContext ctx) {
    int i = s.words(1, "or", "replace") ? 3 : 1;
    if (s.words(i, "function") || s.words(i, "procedure")) {
      Routines.create(s, i + 1, ctx);
    } else if (s.words(i, "index")) {
      IndexBuilds.createIndex(s, i, ctx);
    } else if (s.words(i, "unique", "index")) {
      IndexBuilds.createIndex(s, i + 1, ctx);
    } else {
      CreateTable.run(s, i, ctx);
    }
  }

  /** DROP TABLE [IF EXISTS] name, ...: the tables leave the catalog, so no rule judges them. */
  private static void dropTables(Stmt s, LintContext ctx) {
    int i = s.words(2, "if", "exists") ? 4 : 2;
    for (Elements.Range r : Elements.split(s, i, s.size(), 0)) {
      Ref ref = Ref.at(s, r.from());
      if (ref != null) {
        ctx.resolveTable(ref).ifPresent(n -> ctx.catalog.tables().remove(n));
      }
    }
  }
}
