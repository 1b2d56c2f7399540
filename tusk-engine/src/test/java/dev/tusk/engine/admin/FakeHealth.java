package dev.tusk.engine.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link Health} whose answers the test sets, for testing the HTTP layer alone; {@code failure}
 * makes every method throw, as a broken component would.
 */
final class FakeHealth implements Health {

  volatile boolean ready;
  volatile Map<String, String> components = Map.of("postgres", "ready");
  volatile Map<String, Object> status = Map.of("cluster", "fake");
  volatile RuntimeException failure;

  @Override
  public boolean ready() {
    failIfAsked();
    return ready;
  }

  @Override
  public Map<String, String> components() {
    failIfAsked();
    return new LinkedHashMap<>(components);
  }

  @Override
  public Map<String, Object> status() {
    failIfAsked();
    return new LinkedHashMap<>(status);
  }

  private void failIfAsked() {
    if (failure != null) {
      throw failure;
    }
  }
}
