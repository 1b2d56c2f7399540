package dev.tusk.engine.supervise;

/** Answers whether the server accepts a real, authenticated connection right now. */
@FunctionalInterface
public interface ReadinessProbe {

  /** Returns normally when ready; throws with the reason otherwise. */
  void check() throws Exception;
}
