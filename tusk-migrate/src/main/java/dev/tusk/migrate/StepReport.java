package dev.tusk.migrate;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One migration that ran (or, in a dry run, would run).
 *
 * @param duration how long it took; empty in a dry run
 * @param sql the file's SQL; present only in a dry run
 */
public record StepReport(
    Direction direction,
    Optional<Version> version,
    String name,
    String file,
    boolean transactional,
    Optional<Duration> duration,
    Optional<String> sql) {

  /** Which way a step goes. */
  public enum Direction {
    UP,
    DOWN,
    REPEATABLE;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public String label() {
    return version.map(v -> "V" + v + " " + name).orElse("R " + name);
  }

  static StepReport of(Step step, Optional<Duration> duration, boolean withSql) {
    Direction d =
        switch (step) {
          case Step.Up u -> Direction.UP;
          case Step.Down dn -> Direction.DOWN;
          case Step.Repeat r -> Direction.REPEATABLE;
        };
    SqlScript script = step.script();
    return new StepReport(
        d,
        step.version(),
        step.name(),
        script.file(),
        script.transactional(),
        duration,
        withSql ? Optional.of(script.text()) : Optional.empty());
  }
}
