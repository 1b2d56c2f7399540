package dev.tusk.cli;

import java.util.concurrent.CountDownLatch;

/** Waits for SIGTERM or Ctrl-C (falling back to a shutdown hook), and runs SIGUSR1 reloads. */
public final class Stopper {

  private final CountDownLatch stop = new CountDownLatch(1);

  public Stopper() {
    if (!Signals.onTerminate(stop::countDown)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
    }
  }

  /** Calls {@code reload} on SIGUSR1 (where signals can be caught). */
  public void onReload(Runnable reload) {
    Signals.onUsr1(() -> Thread.ofVirtual().start(reload));
  }

  public void await() throws InterruptedException {
    stop.await();
  }
}
