package dev.tusk.rest.tx;

import java.time.Duration;

/** No connection became free in time; the message carries the pool's live counts. */
public final class PoolTimeoutException extends Exception {

  private final transient ConnectionPool.Stats stats;

  public PoolTimeoutException(Duration waited, ConnectionPool.Stats stats) {
    super(
        "no database connection became free within "
            + waited.toMillis()
            + " ms (pool size "
            + stats.max()
            + ", in use "
            + stats.active()
            + ", idle "
            + stats.idle()
            + ", waiting "
            + stats.waiting()
            + ")",
        null,
        false,
        false);
    this.stats = stats;
  }

  public ConnectionPool.Stats stats() {
    return stats;
  }
}
