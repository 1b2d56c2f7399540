package dev.tusk.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs one planned step and records it. A transactional step runs its statements and writes (or,
 * for down, deletes) its history row in one transaction, so the database and the history can never
 * disagree: a failure rolls back both. A no-transaction step runs in autocommit and records its row
 * afterwards; on failure it records a failed row, which blocks further runs until a person has
 * looked (see {@code repair}).
 */
final class StepRunner {

  private final Connection c;
  private final HistoryTable table;
  private final Clock clock;
  private final String appliedBy;

  StepRunner(Connection c, HistoryTable table, Clock clock, String appliedBy) {
    this.c = c;
    this.table = table;
    this.clock = clock;
    this.appliedBy = appliedBy;
  }

  /** Runs {@code step}; {@code done} (the steps before it) only words the error. */
  StepReport run(Step step, List<StepReport> done) {
    Instant at = clock.instant();
    long start = clock.millis();
    try {
      if (step.script().transactional()) {
        inTransaction(step, at, start);
      } else {
        autocommit(step, at, start);
      }
    } catch (StatementFailure f) {
      throw Failures.statement(step, f, done);
    } catch (SQLException e) {
      throw Failures.bookkeeping(step, e, done);
    }
    return StepReport.of(step, Optional.of(Duration.ofMillis(elapsed(start))), false);
  }

  private void inTransaction(Step step, Instant at, long start)
      throws StatementFailure, SQLException {
    c.setAutoCommit(false);
    boolean committed = false;
    try {
      ScriptRunner.run(c, step.script());
      record(step, at, elapsed(start), true);
      c.commit();
      committed = true;
    } catch (StatementFailure | SQLException | RuntimeException e) {
      rollbackQuietly(e);
      throw e;
    } finally {
      restoreAutocommit(committed);
    }
  }

  private void autocommit(Step step, Instant at, long start) throws StatementFailure, SQLException {
    c.setAutoCommit(true);
    try {
      ScriptRunner.run(c, step.script());
    } catch (StatementFailure f) {
      try (Statement s = c.createStatement()) {
        // the script may have opened its own transaction block; it is aborted now
        s.execute("ROLLBACK");
        record(step, at, elapsed(start), false);
      } catch (SQLException e) {
        f.addSuppressed(e);
      }
      throw f;
    }
    record(step, at, elapsed(start), true);
  }

  private void record(Step step, Instant at, long ms, boolean success) throws SQLException {
    switch (step) {
      case Step.Up u ->
          table.insert(
              c,
              new HistoryRow(
                  Optional.of(u.migration().version()),
                  u.migration().name(),
                  HistoryRow.Kind.UP,
                  Optional.of(u.migration().checksum()),
                  at,
                  appliedBy,
                  ms,
                  success));
      case Step.Repeat r ->
          table.insert(
              c,
              new HistoryRow(
                  Optional.empty(),
                  r.migration().name(),
                  HistoryRow.Kind.REPEATABLE,
                  Optional.of(r.migration().checksum()),
                  at,
                  appliedBy,
                  ms,
                  success));
      case Step.Down d -> {
        if (success) {
          table.deleteVersion(c, d.migration().version());
        } else {
          table.markFailed(c, d.migration().version());
        }
      }
    }
  }

  private long elapsed(long start) {
    return Math.max(0, clock.millis() - start);
  }

  /** After a failure the original error matters more than a broken connection's second one. */
  private void restoreAutocommit(boolean mustSucceed) throws SQLException {
    try {
      c.setAutoCommit(true);
    } catch (SQLException e) {
      if (mustSucceed) {
        throw e;
      }
    }
  }

  private void rollbackQuietly(Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
