package dev.tusk.migrate.lint;

import java.util.Optional;

/**
 * {@code index-not-concurrent}: building an index without CONCURRENTLY holds a lock that blocks
 * writes (CREATE INDEX) or all access (ALTER TABLE ... ADD PRIMARY KEY / UNIQUE / EXCLUDE) for as
 * long as the build reads the whole table.
 *
 * <p>A table the same file creates is new and empty while the file runs, so it is never flagged.
 * Any other table is flagged when it is large: with a database, when its row estimate is over the
 * threshold or it was never analyzed but holds data; offline, always, as "may be large", because a
 * table an earlier migration created may have been filling up in production since.
 */
final class IndexBuilds {

  private IndexBuilds() {}

  /** {@code CREATE [UNIQUE] INDEX}, the words from {@code index} on at token {@code i}. */
  static void createIndex(Stmt s, int i, LintContext ctx) {
    int k = i + 1;
    if (s.words(k, "concurrently")) {
      Transactions.needsNoTransaction(s, k, "CREATE INDEX CONCURRENTLY", ctx);
      return;
    }
    while (k < s.size() && !(s.get(k).isWord("on") && s.get(k).depth() == 0)) {
      k++;
    }
    if (s.words(k + 1, "only")) {
      k++;
    }
    Ref ref = Ref.at(s, k + 1);
    if (ref != null) {
      check(s, 0, ctx.resolveTable(ref), "CREATE INDEX without CONCURRENTLY", "writes to", ctx);
    }
  }

  /** An ALTER TABLE action that builds an index (a constraint without USING INDEX). */
  static void constraint(Stmt s, int at, Optional<ObjectName> table, String what, LintContext ctx) {
    check(s, at, table, what, "all access to", ctx);
  }

  private static void check(
      Stmt s, int at, Optional<ObjectName> name, String what, String blocks, LintContext ctx) {
    if (name.isEmpty()) {
      return;
    }
    ObjectName table = name.get();
    TableState state = ctx.catalog.tables().get(table);
    if (state != null && state.createdIn(ctx.source())) {
      return;
    }
    String lead = what + " on " + table + " blocks " + blocks + " the table while the index builds";
    String why =
        switch (ctx.sizes.of(table.schema(), table.name())) {
          case TableSize.Unknown u ->
              "; the table is not created in this file and its size is unknown (offline), so it"
                  + " may be large";
          case TableSize.Absent a -> null;
          case TableSize.Measured m when m.rows() > ctx.largeTableRows ->
              ", and it has about " + m.rows() + " rows (more than " + ctx.largeTableRows + ")";
          case TableSize.Measured m when m.unanalyzedBytes() > 0 ->
              ", and it holds "
                  + m.unanalyzedBytes()
                  + " bytes never analyzed, so its row count is unknown";
          case TableSize.Measured m -> null;
        };
    if (why != null) {
      ctx.findings.add(Rule.INDEX_NOT_CONCURRENT, s.spot(at), lead + why, hint(what, ctx));
    }
  }

  private static String hint(String what, LintContext ctx) {
    if (what.endsWith("EXCLUDE")) {
      return "an exclusion constraint cannot use an existing index; add it while the table is"
          + " small, or suppress this once the lock is acceptable";
    }
    if (!what.startsWith("CREATE INDEX")) {
      return "build the index first with CREATE UNIQUE INDEX CONCURRENTLY (in a file whose line 1"
          + " is -- tusk:no-transaction), then ADD CONSTRAINT ... USING INDEX";
    }
    return ctx.source().transactional()
        ? Rule.INDEX_NOT_CONCURRENT.hint()
        : "add CONCURRENTLY: this file already runs without a transaction";
  }
}
