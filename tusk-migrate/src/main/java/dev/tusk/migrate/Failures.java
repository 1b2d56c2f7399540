package dev.tusk.migrate;

import dev.tusk.core.error.OperationException;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.util.ServerErrorMessage;

/**
 * The errors a run raises, worded for the person who must fix them: where ({@code file:line}), what
 * the server said, what state the database is in now (rolled back, or partly applied), and what ran
 * before the failure.
 */
final class Failures {

  private static final int STATEMENT_PREVIEW = 200;

  private Failures() {}

  static OperationException statement(Step step, StatementFailure f, List<StepReport> done) {
    String where = f.location();
    String state = f.sqlState() == null ? "" : " (SQLSTATE " + f.sqlState() + ")";
    StringBuilder detail = new StringBuilder("statement: ").append(preview(f.statement().sql()));
    ServerErrorMessage m = f.server();
    if (m != null && m.getDetail() != null) {
      detail.append("\n  server detail: ").append(m.getDetail());
    }
    if (m != null && m.getHint() != null) {
      detail.append("\n  server hint: ").append(m.getHint());
    }
    detail.append("\n  ").append(before(done));
    return new OperationException(
        "migrate.statement_failed",
        where + ": " + f.serverMessage() + state + " in " + step.label(),
        detail.toString(),
        hint(step, f, where),
        f.sqlException());
  }

  /** A failure outside the script: writing the history row, committing, the connection. */
  static OperationException bookkeeping(Step step, SQLException e, List<StepReport> done) {
    return new OperationException(
        "migrate.history_failed",
        step.label() + ": the script ran but recording it failed: " + e.getMessage(),
        before(done),
        step.script().transactional()
            ? "the migration was rolled back with its history row; check the connection and the"
                + " tusk.schema_migrations table, then run up again"
            : "the no-transaction script's statements stayed applied; check tusk migrate status"
                + " before running it again",
        e);
  }

  static OperationException database(String doing, SQLException e) {
    return new OperationException(
        "migrate.database_error",
        "could not " + doing + ": " + e.getMessage(),
        "check that the database is reachable and the role owns it (or may create schema tusk)",
        e);
  }

  private static String hint(Step step, StatementFailure f, String where) {
    if (!step.script().transactional()) {
      return "statements before "
          + where
          + " stayed applied (no-transaction file) and "
          + step.label()
          + " is recorded as failed; finish or undo it by hand, then run tusk migrate repair";
    }
    if ("25001".equals(f.sqlState())) {
      return "this statement cannot run inside a transaction: make line 1 of "
          + step.script().file()
          + " '-- tusk:no-transaction'; nothing of "
          + step.script().file()
          + " took effect";
    }
    return "fix the statement at "
        + where
        + " and run again; "
        + step.label()
        + " was rolled back entirely, so the database and its history are as before it";
  }

  private static String before(List<StepReport> done) {
    if (done.isEmpty()) {
      return "nothing ran before the failure";
    }
    return "done before the failure: "
        + String.join(", ", done.stream().map(StepReport::label).toList());
  }

  private static String preview(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ");
    return oneLine.length() <= STATEMENT_PREVIEW
        ? oneLine
        : oneLine.substring(0, STATEMENT_PREVIEW) + "...";
  }
}
