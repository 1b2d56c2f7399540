package dev.tusk.migrate.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lint rules. Each id is stable: suppression comments, {@code --json} consumers and the docs
 * (docs/migrations.md, "Lint") name rules by it, so an id is never renamed or reused.
 */
public enum Rule {
  RLS_MISSING(
      "rls-missing",
      Severity.WARNING,
      "enable it in this or a later migration: ALTER TABLE ... ENABLE ROW LEVEL SECURITY, with"
          + " policies for the API's roles"),
  SECURITY_DEFINER_SEARCH_PATH(
      "security-definer-search-path",
      Severity.WARNING,
      "add SET search_path = pg_catalog, pg_temp (or the schemas it needs, pg_temp last) to the"
          + " function, or ALTER FUNCTION ... SET search_path in a later migration"),
  TIMESTAMP_WITHOUT_TZ(
      "timestamp-without-tz",
      Severity.WARNING,
      "use timestamptz (timestamp with time zone): it stores an instant and shows it in the"
          + " session's time zone"),
  DROP_COLUMN(
      "drop-column",
      Severity.WARNING,
      "first deploy code that no longer reads or writes the column, then drop it; suppress with"
          + " -- tusk-lint-ignore drop-column once that is done"),
  ALTER_COLUMN_TYPE(
      "alter-column-type",
      Severity.WARNING,
      "add a column of the new type, backfill it in batches, switch the code over, then drop the"
          + " old one; suppress if the table is small or the change binary-compatible"),
  INDEX_NOT_CONCURRENT(
      "index-not-concurrent",
      Severity.WARNING,
      "use CREATE INDEX CONCURRENTLY in a file whose line 1 is -- tusk:no-transaction, one index"
          + " per file"),
  NEEDS_NO_TRANSACTION(
      "needs-no-transaction",
      Severity.ERROR,
      "make line 1 of the file -- tusk:no-transaction and keep the statement alone in its file"),
  BAD_SUPPRESSION(
      "bad-suppression",
      Severity.ERROR,
      "name rules by their ids, e.g. -- tusk-lint-ignore drop-column; see tusk migrate lint"
          + " --help");

  private final String id;
  private final Severity severity;
  private final String hint;

  Rule(String id, Severity severity, String hint) {
    this.id = id;
    this.severity = severity;
    this.hint = hint;
  }

  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  /** The usual fix; a finding may carry a more specific one. */
  public String hint() {
    return hint;
  }

  public static Optional<Rule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
