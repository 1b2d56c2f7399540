package dev.tusk.engine.supervise;

import java.time.Duration;

/**
 * Exponential backoff between restarts, and when to give up: more than {@code maxCrashes} crashes
 * within {@code window} is a crash loop that restarting will not fix.
 */
public record RestartPolicy(
    Duration initialBackoff, Duration maxBackoff, int maxCrashes, Duration window) {

  public static RestartPolicy defaults() {
    return new RestartPolicy(
        Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(2));
  }

  /** The wait before restart number {@code attempt} (1-based). */
  public Duration backoff(int attempt) {
    long ms = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
  }
}
