package dev.tusk.migrate;

import java.util.regex.Pattern;

/**
 * Refuses transaction control in a file that Tusk runs in a transaction. Hand-written migrations
 * often carry their own {@code BEGIN; ... COMMIT;}; run inside Tusk's transaction, that {@code
 * COMMIT} would commit half a migration and the history row would land in a second transaction, so
 * a failure could no longer roll everything back. Savepoints ({@code SAVEPOINT}, {@code ROLLBACK
 * TO}) are fine. A {@code -- tusk:no-transaction} file may manage its own transactions.
 */
final class TransactionControl {

  private static final Pattern CONTROL =
      Pattern.compile(
          "(?is)(begin|commit|end|abort|start\\s+transaction|prepare\\s+transaction"
              + "|rollback(?!\\s+(to|prepared)\\b))\\b.*");

  private TransactionControl() {}

  /** Throws for the first transaction-control statement of a transactional script. */
  static void check(SqlScript script) {
    if (!script.transactional()) {
      return;
    }
    for (SqlStatement st : script.statements()) {
      if (st instanceof SqlStatement.Plain && CONTROL.matcher(st.sql()).matches()) {
        throw new dev.tusk.core.error.ConfigException(
            "migrate.transaction_control",
            script.file()
                + ":"
                + st.line()
                + ": transaction control in a migration that Tusk already runs in a transaction",
            "remove BEGIN/COMMIT/ROLLBACK (each migration is one transaction with its history"
                + " row), or make line 1 '-- tusk:no-transaction' to manage transactions yourself");
      }
    }
  }
}
