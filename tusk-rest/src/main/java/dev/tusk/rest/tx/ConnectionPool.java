package dev.tusk.rest.tx;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small pool of connections as the API's login role. A semaphore bounds the connections in use;
 * idle ones wait in a LIFO deque (the most recently used is warmest). A connection that failed at
 * the protocol level is closed instead of returned. Connections are opened lazily, so an idle API
 * holds none beyond those it once needed.
 *
 * <p>Why not HikariCP: it would bring slf4j, and the pool needs only what is here; its timeout
 * message (with live counts) is the part worth copying in spirit.
 */
public final class ConnectionPool implements AutoCloseable {

  /** Opens a new connection configured for the API (autocommit off, unknown-typed strings). */
  @FunctionalInterface
  public interface Factory {
    Connection open() throws SQLException;
  }

  /** A snapshot for metrics and error messages. */
  public record Stats(int max, int active, int idle, int waiting) {}

  private final Factory factory;
  private final int max;
  private final Duration acquireTimeout;
  private final Semaphore permits;
  private final LinkedBlockingDeque<Connection> idle = new LinkedBlockingDeque<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile boolean closed;

  public ConnectionPool(Factory factory, int max, Duration acquireTimeout) {
    if (max < 1) {
      throw new IllegalArgumentException("pool size must be at least 1, got " + max);
    }
    this.factory = factory;
    this.max = max;
    this.acquireTimeout = acquireTimeout;
    this.permits = new Semaphore(max, true);
  }

  /** Borrows a connection; give it back with {@link #release}. */
  public Connection acquire() throws SQLException, PoolTimeoutException {
    if (closed) {
      throw new SQLException("the connection pool is closed", "08003");
    }
    waiting.incrementAndGet();
    boolean got;
    try {
      got = permits.tryAcquire(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a connection", "08000", e);
    } finally {
      waiting.decrementAndGet();
    }
    if (!got) {
      throw new PoolTimeoutException(acquireTimeout, stats());
    }
    Connection c = idle.pollFirst();
    if (c != null) {
      return c;
    }
    try {
      return factory.open();
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Returns a connection; {@code broken} ones (protocol errors, closed) are discarded. */
  public void release(Connection c, boolean broken) {
    try {
      if (broken || closed || c.isClosed()) {
        closeQuietly(c);
      } else {
        idle.offerFirst(c);
      }
    } catch (SQLException e) {
      closeQuietly(c);
    } finally {
      permits.release();
    }
  }

  public Stats stats() {
    int idleNow = idle.size();
    int inUse = max - permits.availablePermits();
    return new Stats(max, inUse, idleNow, waiting.get());
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // already gone
    }
  }
}
