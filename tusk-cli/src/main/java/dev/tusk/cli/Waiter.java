package dev.tusk.cli;

import dev.tusk.core.error.OperationException;
import dev.tusk.engine.Platform;
import java.util.concurrent.CompletableFuture;

/** Blocks {@code tusk up} until a stop signal arrives or the supervisor gives up. */
public final class Waiter {

  /** Why the wait ended. */
  public sealed interface Outcome {
    /** SIGTERM or Ctrl-C: stop in order and exit 0. */
    record Stopped() implements Outcome {}

    /** PostgreSQL crash-looped and the supervisor gave up. */
    record Crashed(OperationException reason) implements Outcome {}
  }

  private Waiter() {}

  public static Outcome untilStopped(Platform platform) {
    CompletableFuture<Outcome> done = new CompletableFuture<>();
    if (!Signals.onTerminate(() -> done.complete(new Outcome.Stopped()))) {
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
