package dev.tusk.core.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;

/**
 * Closes connections that have waited too long for their next request. One thread checks every
 * connection each tick (a quarter of the shorter timeout, between 10 ms and 1 s), so a timeout
 * fires up to one tick late; in exchange, a connection waiting for a request sits in a plain
 * untimed read that costs no timer (see {@link HttpInput#await}).
 */
final class IdleWatchdog implements Runnable {

  private final Collection<Connection> connections;
  private final Clock clock;
  private final long tickMillis;
  private final BooleanSupplier stopped;

  IdleWatchdog(Collection<Connection> connections, ServerConfig config, BooleanSupplier stopped) {
    this.connections = connections;
    this.clock = config.clock();
    Duration shorter =
        config.headTimeout().compareTo(config.idleTimeout()) < 0
            ? config.headTimeout()
            : config.idleTimeout();
    this.tickMillis = Math.clamp(shorter.toMillis() / 4, 10, 1000);
    this.stopped = stopped;
  }

  @Override
  public void run() {
    while (!stopped.getAsBoolean()) {
      try {
        Thread.sleep(tickMillis);
      } catch (InterruptedException e) {
        return; // the server is closing
      }
      long now = clock.millis();
      for (Connection c : connections) {
        c.closeIfExpired(now);
      }
    }
  }
}
