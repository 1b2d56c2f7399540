package dev.tusk.migrate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The session-level advisory lock that serialises migration runners on one database. A runner takes
 * it before it reads the history and keeps it until it is done, so a second runner waits and then
 * plans against the first one's result: it finds nothing pending rather than applying a version
 * twice. Session-level (not transaction-level) because a run spans many transactions; a crashed
 * runner's lock goes with its connection.
 *
 * <p>The key is the first 8 bytes of SHA-256("tusk.migrate") as a signed big-endian long: fixed, so
 * every Tusk version agrees, and unlikely to collide with an application's own keys.
 */
final class AdvisoryLock {

  static final long KEY = derive("tusk.migrate");

  private AdvisoryLock() {}

  static long derive(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, 8).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Waits for the lock (autocommit connection). */
  static void acquire(Connection c) throws SQLException {
    call(c, "SELECT pg_advisory_lock(?)");
  }

  static void release(Connection c) throws SQLException {
    call(c, "SELECT pg_advisory_unlock(?)");
  }

  private static void call(Connection c, String sql) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, KEY);
      p.executeQuery().close();
    }
  }
}
