package dev.tusk.engine;

import dev.tusk.engine.init.MachineFacts;
import dev.tusk.engine.supervise.RestartPolicy;
import java.time.Duration;

/** Knobs that are not user config: sizing facts, timeouts, and test-only shortcuts. */
public record ServerOptions(
    MachineFacts machine,
    boolean syncInitdb,
    Duration readyTimeout,
    RestartPolicy restart,
    Duration smartStop,
    Duration fastStop) {

  public static ServerOptions defaults() {
    return new ServerOptions(
        MachineFacts.detect(),
        true,
        Duration.ofSeconds(120),
        RestartPolicy.defaults(),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30));
  }
}
