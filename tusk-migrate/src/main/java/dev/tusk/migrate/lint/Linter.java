package dev.tusk.migrate.lint;

import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.RepeatableMigration;
import dev.tusk.migrate.SqlScript;
import dev.tusk.migrate.VersionedMigration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Checks a migration set for SQL that is risky to run or leaves the schema unsafe (the {@link
 * Rule}s). It reads the up files in version order, then the repeatables, the order {@code up} runs
 * them; down files are not checked (they undo, and dropping what up added is their job).
 *
 * <p>Statement by statement, on tokens: comments, strings, quoted identifiers and dollar-quoted
 * bodies never trigger a rule. Rules about an action ({@code drop-column}, {@code
 * alter-column-type}, {@code index-not-concurrent}, {@code needs-no-transaction}) report where the
 * statement is; rules about the result ({@code rls-missing}, {@code timestamp-without-tz}, {@code
 * security-definer-search-path}) judge the schema after the last file, so a later migration can fix
 * what an earlier one did. Pure apart from {@link TableSizes}.
 */
public final class Linter {

  /** The default for {@code --large-table-rows}. */
  public static final long DEFAULT_LARGE_TABLE_ROWS = 10_000;

  private final List<String> exposedSchemas;
  private final TableSizes sizes;
  private final long largeTableRows;

  /**
   * @param exposedSchemas the schemas the REST API serves from the migrations' database; empty when
   *     it serves none (then {@code rls-missing} has nothing to check)
   * @param largeTableRows a table with more estimated rows than this is large
   */
  public Linter(List<String> exposedSchemas, TableSizes sizes, long largeTableRows) {
    if (largeTableRows < 0) {
      throw new IllegalArgumentException("largeTableRows must not be negative: " + largeTableRows);
    }
    this.exposedSchemas = List.copyOf(exposedSchemas);
    this.sizes = sizes;
    this.largeTableRows = largeTableRows;
  }

  public LintResult lint(MigrationSet set) {
    List<SqlScript> scripts = new ArrayList<>();
    set.versioned().stream().map(VersionedMigration::up).forEach(scripts::add);
    set.repeatable().stream().map(RepeatableMigration::script).forEach(scripts::add);
    LintContext ctx = new LintContext(sizes, largeTableRows);
    int statements = 0;
    for (int order = 0; order < scripts.size(); order++) {
      List<Stmt> stmts = ScriptReader.read(scripts.get(order), order, ctx.findings);
      if (!stmts.isEmpty()) {
        ctx.startFile(stmts.get(0).source());
      }
      for (Stmt s : stmts) {
        Statements.analyze(s, ctx);
      }
      statements += stmts.size();
    }
    StateRules.judge(ctx.catalog, new LinkedHashSet<>(exposedSchemas), ctx.findings);
    return new LintResult(
        ctx.findings.sorted(),
        scripts.size(),
        statements,
        ctx.findings.suppressed(),
        exposedSchemas,
        sizes.connected(),
        largeTableRows);
  }
}
