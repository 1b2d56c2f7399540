package dev.tusk.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection for one migrate operation, with the advisory lock when the operation writes. The
 * lock is taken before the history is read, so what is planned is what the history says once no
 * other runner can change it. Closing releases the lock and the connection.
 */
final class DbSession implements AutoCloseable {

  private final Connection c;
  private final HistoryTable table;
  private boolean locked;

  private DbSession(Connection c, HistoryScope scope) {
    this.c = c;
    this.table = new HistoryTable(scope);
  }

  static DbSession open(ConnectionSource source, HistoryScope scope) {
    Connection c = null;
    try {
      c = source.open();
      c.setAutoCommit(true);
      return new DbSession(c, scope);
    } catch (SQLException e) {
      if (c != null) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw Failures.database("connect to the database", e);
    }
  }

  Connection connection() {
    return c;
  }

  HistoryTable table() {
    return table;
  }

  /** Waits for the migration lock; other runners wait here for this one. */
  void lock() {
    try {
      AdvisoryLock.acquire(c);
      locked = true;
    } catch (SQLException e) {
      throw Failures.database("take the migration lock", e);
    }
  }

  /** The history as it is, without creating anything (status, validate, dry runs). */
  History history() {
    try {
      return table.read(c);
    } catch (SQLException e) {
      throw Failures.database("read " + table.describe(), e);
    }
  }

  /** Creates the history table if missing (in one transaction), then reads it. Needs the lock. */
  History ensureHistory() {
    try {
      if (!table.exists(c)) {
        c.setAutoCommit(false);
        try {
          table.create(c);
          c.commit();
        } catch (SQLException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
      return table.read(c);
    } catch (SQLException e) {
      throw Failures.database("create " + table.describe(), e);
    }
  }

  /** The role the migrations run as, recorded as applied_by. */
  String currentUser() {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_user")) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw Failures.database("read current_user", e);
    }
  }

  @Override
  public void close() {
    try {
      if (locked && !c.isClosed()) {
        if (!c.getAutoCommit()) {
          c.rollback();
          c.setAutoCommit(true);
        }
        AdvisoryLock.release(c);
      }
    } catch (SQLException e) {
      // closing the connection below releases a session lock anyway
    } finally {
      try {
        c.close();
      } catch (SQLException e) {
        // nothing left to clean up
      }
    }
  }
}
