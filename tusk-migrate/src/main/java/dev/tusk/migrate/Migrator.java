package dev.tusk.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The migrate operations against one database: up, down, status, validate, baseline, repair. Each
 * operation opens one connection, and those that write take the advisory lock for their whole run,
 * read the history under it, plan with the pure {@link Planner}, and run the plan with {@link
 * StepRunner}. The migration files are scanned before (a bad file fails before any connection), so
 * every check that needs no server has already passed.
 *
 * <p>Errors are {@code ConfigException} when a request cannot be planned (nothing touched) and
 * {@code OperationException} when the database refused or a migration failed.
 */
public final class Migrator {

  private final MigrationSet files;
  private final ConnectionSource db;
  private final Clock clock;
  private final HistoryScope scope;

  public Migrator(MigrationSet files, ConnectionSource db, Clock clock) {
    this(files, db, clock, HistoryScope.MAIN);
  }

  /** A migrator whose history is {@code scope}'s: the database's own, or one tenant's. */
  public Migrator(MigrationSet files, ConnectionSource db, Clock clock, HistoryScope scope) {
    this.files = files;
    this.db = db;
    this.clock = clock;
    this.scope = scope;
  }

  /** Applies pending versions (up to the target), then new or changed repeatables. */
  public RunResult up(UpOptions options) {
    try (DbSession s = DbSession.open(db, scope)) {
      if (options.dryRun()) {
        return dryRun("up", Planner.up(files, s.history(), options));
      }
      s.lock();
      return run("up", s, Planner.up(files, s.ensureHistory(), options));
    }
  }

  /** Reverts applied versions newest first with their down files. */
  public RunResult down(DownOptions options) {
    try (DbSession s = DbSession.open(db, scope)) {
      if (options.dryRun()) {
        return dryRun("down", Planner.down(files, s.history(), options.target()));
      }
      s.lock();
      return run("down", s, Planner.down(files, s.history(), options.target()));
    }
  }

  /** Every migration and its state; reads only. */
  public StatusResult status() {
    try (DbSession s = DbSession.open(db, scope)) {
      return new StatusResult(StatusBuilder.entries(files, s.history()));
    }
  }

  /** Every disagreement between files and history; reads only. */
  public ValidateResult validate(boolean allowOutOfOrder) {
    try (DbSession s = DbSession.open(db, scope)) {
      return new ValidateResult(Validator.problems(files, s.history(), allowOutOfOrder));
    }
  }

  /**
   * Marks an existing database as being at {@code version}: files at or below it count as applied.
   * Only on a database whose history has no versioned rows yet.
   */
  public BaselineResult baseline(Version version) {
    try (DbSession s = DbSession.open(db, scope)) {
      s.lock();
      return new Baseliner(files, clock).baseline(s, version);
    }
  }

  /**
   * Realigns checksums to intentionally edited files and removes failed rows, in one transaction.
   */
  public RepairResult repair() {
    try (DbSession s = DbSession.open(db, scope)) {
      s.lock();
      History history = s.history();
      List<RepairAction> actions = RepairPlanner.actions(files, history);
      if (!actions.isEmpty()) {
        apply(s, actions);
      }
      return new RepairResult(actions);
    }
  }

  private RunResult run(String operation, DbSession s, List<Step> steps) {
    StepRunner runner = new StepRunner(s.connection(), s.table(), clock, s.currentUser());
    List<StepReport> done = new ArrayList<>();
    for (Step step : steps) {
      done.add(runner.run(step, List.copyOf(done)));
    }
    return new RunResult(operation, false, done);
  }

  private static RunResult dryRun(String operation, List<Step> steps) {
    return new RunResult(
        operation,
        true,
        steps.stream().map(st -> StepReport.of(st, Optional.empty(), true)).toList());
  }

  private void apply(DbSession s, List<RepairAction> actions) {
    Connection c = s.connection();
    try {
      c.setAutoCommit(false);
      for (RepairAction a : actions) {
        switch (a.kind()) {
          case REALIGNED -> {
            VersionedMigration m = files.find(a.version().orElseThrow()).orElseThrow();
            s.table().realign(c, m.version(), m.name(), m.checksum());
          }
          case REMOVED_FAILED -> {
            if (a.version().isPresent()) {
              s.table().deleteVersion(c, a.version().get());
            } else {
              s.table().deleteRepeatable(c, a.name());
            }
          }
          case REMOVED_MISSING -> s.table().deleteRepeatable(c, a.name());
        }
      }
      c.commit();
    } catch (SQLException e) {
      throw Failures.database("repair " + s.table().describe() + " (nothing was changed)", e);
    } finally {
      try {
        c.setAutoCommit(true);
      } catch (SQLException e) {
        // the session closes the connection next
      }
    }
  }
}
