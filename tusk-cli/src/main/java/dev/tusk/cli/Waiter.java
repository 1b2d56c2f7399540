package dev.tusk.cli;

import dev.tusk.core.error.OperationException;
import dev.tusk.engine.Platform;
import java.util.concurrent.CompletableFuture;

/**
 * What ends {@code tusk up}: a stop signal or the supervisor giving up. Signals are trapped before
 * the platform starts, so a SIGTERM during start-up lets the start finish and then stops everything
 * in order, instead of killing the JVM and orphaning PostgreSQL.
 */
public final class Waiter {

  /** Why the wait ended. */
  public sealed interface Outcome {
    /** SIGTERM or Ctrl-C: stop in order and exit 0. */
    record Stopped() implements Outcome {}

    /** PostgreSQL crash-looped and the supervisor gave up. */
    record Crashed(OperationException reason) implements Outcome {}
  }

  private final CompletableFuture<Outcome> done = new CompletableFuture<>();
  private final boolean trapped;

  /** Traps SIGTERM and SIGINT from now on. */
  public Waiter() {
    this.trapped = Signals.onTerminate(() -> done.complete(new Outcome.Stopped()));
  }

  /** True when a stop was requested (e.g. during start-up). */
  public boolean stopRequested() {
    return done.isDone();
  }

  /** Blocks until a stop signal arrives or the supervisor gives up. */
  public Outcome until(Platform platform) {
    if (!trapped) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    done.complete(new Outcome.Stopped());
                    platform.close();
                  }));
    }
    platform.server().supervisor().gaveUp().thenAccept(e -> done.complete(new Outcome.Crashed(e)));
    return done.join();
  }
}
