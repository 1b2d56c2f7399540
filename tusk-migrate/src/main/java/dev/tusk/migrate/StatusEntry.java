package dev.tusk.migrate;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of {@code migrate status}: a versioned migration, the baseline, or a repeatable
 * migration, with its state.
 */
public record StatusEntry(
    Optional<Version> version, String name, State state, Optional<Instant> appliedAt) {

  /** What the history says about a migration, compared with its file. */
  public enum State {
    /** Applied, and the file is unchanged. */
    APPLIED,
    /** A file not applied yet (a repeatable: never applied). */
    PENDING,
    /** Applied, but the file changed since (a repeatable: will be re-applied). */
    CHANGED,
    /** Applied, but the file is gone. */
    MISSING,
    /** A no-transaction script failed part-way; see repair. */
    FAILED,
    /** The baseline row itself. */
    BASELINE,
    /** A file at or below the baseline: counted as applied, never run. */
    BELOW_BASELINE;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public boolean repeatable() {
    return version.isEmpty();
  }
}
