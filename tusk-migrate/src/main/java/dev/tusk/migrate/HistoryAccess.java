package dev.tusk.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares {@code tusk.schema_migrations} for migrations that run as a role other than the
 * connection's superuser (under {@code SET ROLE}). The schema {@code tusk} is Tusk's own and stays
 * the superuser's (bootstrap creates it that way for {@code init_sql}, with no rights for PUBLIC);
 * the migrations role gets USAGE on it and owns the history table, so it can record, revert and
 * repair without being able to create anything else in {@code tusk}.
 *
 * <p>Runs as the superuser in one transaction under the migration lock (transaction-scoped, so it
 * waits for a runner that is busy and two preparations never race on {@code CREATE ... IF NOT
 * EXISTS}). Idempotent: every run ends in the same state, including after {@code as_role} changed
 * (the table then changes owner).
 */
public final class HistoryAccess {

  private HistoryAccess() {}

  /**
   * Creates the schema and the history table if missing and hands the table to {@code role}.
   *
   * @param superuser an autocommit connection as a superuser, to the database being migrated
   */
  public static void prepare(Connection superuser, String role) throws SQLException {
    prepare(superuser, role, HistoryScope.MAIN);
  }

  /**
   * {@link #prepare(Connection, String)} for the history table of {@code scope} (a tenant's history
   * lives in {@code tusk.tenant_migrations}).
   */
  public static void prepare(Connection superuser, String role, HistoryScope scope)
      throws SQLException {
    Connection c = superuser;
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      lockTransaction(c);
      new HistoryTable(scope).create(c);
      String quoted = quote(c, role);
      s.execute("GRANT USAGE ON SCHEMA tusk TO " + quoted);
      if (!owner(c, scope.table()).equals(role)) {
        s.execute("ALTER TABLE " + scope.table() + " OWNER TO " + quoted);
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * Takes the migration lock (the key migration runners hold for their whole run) until the current
   * transaction ends: DDL that must not interleave with a runner, such as provisioning a tenant,
   * waits for a busy runner and makes the next one wait.
   */
  public static void lockTransaction(Connection c) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, AdvisoryLock.KEY);
      lock.executeQuery().close();
    }
  }

  /**
   * Connections from {@code superuser} that run as {@code role}: each is prepared (see {@link
   * #prepare}), then switched with a session-level {@code SET ROLE}. The switch decides who owns
   * what the migrations create; it is not a sandbox (a migration may {@code RESET ROLE}), since
   * migration files are the project's own trusted code.
   */
  public static ConnectionSource asRole(ConnectionSource superuser, String role) {
    return () -> {
      Connection c = superuser.open();
      try {
        c.setAutoCommit(true);
        prepare(c, role);
        try (Statement s = c.createStatement()) {
          s.execute("SET ROLE " + quote(c, role));
        }
        return c;
      } catch (SQLException | RuntimeException e) {
        try {
          c.close();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    };
  }

  private static String owner(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = '"
                    + table
                    + "'::regclass")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** The server quotes the identifier, so no name can break out of the statement. */
  static String quote(Connection c, String identifier) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT quote_ident(?)")) {
      p.setString(1, identifier);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
