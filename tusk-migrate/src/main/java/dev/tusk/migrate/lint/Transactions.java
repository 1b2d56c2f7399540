package dev.tusk.migrate.lint;

/**
 * {@code needs-no-transaction}: statements PostgreSQL refuses inside a transaction block (SQLSTATE
 * 25001). Tusk runs a file in one transaction unless its line 1 is {@code -- tusk:no-transaction},
 * so in any other file these fail at run time, every time; lint says so before anything runs.
 */
final class Transactions {

  private Transactions() {}

  /** Checks a statement by its leading words; the CONCURRENTLY forms report from their parsers. */
  static void check(Stmt s, LintContext ctx) {
    String what = null;
    if (s.words(0, "vacuum")) {
      what = "VACUUM";
    } else if (s.words(0, "create", "database") || s.words(0, "drop", "database")) {
      what = s.words(0, "create") ? "CREATE DATABASE" : "DROP DATABASE";
    } else if (s.words(0, "create", "tablespace") || s.words(0, "drop", "tablespace")) {
      what = s.words(0, "create") ? "CREATE TABLESPACE" : "DROP TABLESPACE";
    } else if (s.words(0, "alter", "system")) {
      what = "ALTER SYSTEM";
    } else if (s.words(0, "drop", "index", "concurrently")) {
      what = "DROP INDEX CONCURRENTLY";
    } else if (s.words(0, "reindex")) {
      what = reindex(s);
    }
    if (what != null) {
      needsNoTransaction(s, 0, what, ctx);
    }
  }

  /** REINDEX CONCURRENTLY, or of a whole schema, database or system. */
  private static String reindex(Stmt s) {
    int k = 1;
    if (s.symbol(k, '(')) {
      k = s.closing(k) + 1;
    }
    if (s.words(k, "schema") || s.words(k, "database") || s.words(k, "system")) {
      return "REINDEX " + s.get(k).text().toUpperCase(java.util.Locale.ROOT);
    }
    return s.words(k + 1, "concurrently") ? "REINDEX CONCURRENTLY" : null;
  }

  static void needsNoTransaction(Stmt s, int at, String what, LintContext ctx) {
    if (!ctx.source().transactional()) {
      return;
    }
    ctx.findings.add(
        Rule.NEEDS_NO_TRANSACTION,
        s.spot(at),
        what
            + " cannot run inside a transaction block, and this file runs in one (its line 1 is"
            + " not -- tusk:no-transaction), so the migration would fail with SQLSTATE 25001");
  }
}
