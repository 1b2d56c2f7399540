package dev.tusk.migrate;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A statement of a script failed: which one, and the server's error, located in the file. Checked
 * and package-private: it never leaves the runner, which turns it into an {@code
 * OperationException} knowing whether the script's transaction rolled back.
 */
final class StatementFailure extends Exception {

  private final transient SqlScript script;
  private final transient SqlStatement statement;
  private final int index;

  StatementFailure(SqlScript script, SqlStatement statement, int index, SQLException cause) {
    super(cause.getMessage(), cause);
    this.script = script;
    this.statement = statement;
    this.index = index;
  }

  SqlScript script() {
    return script;
  }

  SqlStatement statement() {
    return statement;
  }

  /** How many statements before this one succeeded. */
  int index() {
    return index;
  }

  SQLException sqlException() {
    return (SQLException) getCause();
  }

  /** {@code file:line} of the error. */
  String location() {
    ServerErrorMessage m = server();
    int line =
        m == null ? statement.line() : ErrorLocation.line(statement, m.getPosition(), m.getWhere());
    return script.file() + ":" + line;
  }

  /** The server's own message, without pgjdbc's decoration. */
  String serverMessage() {
    ServerErrorMessage m = server();
    return m == null || m.getMessage() == null ? getCause().getMessage() : m.getMessage();
  }

  String sqlState() {
    return sqlException().getSQLState();
  }

  ServerErrorMessage server() {
    return getCause() instanceof PSQLException p ? p.getServerErrorMessage() : null;
  }
}
