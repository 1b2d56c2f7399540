package dev.tusk.migrate;

/** How far {@code down} goes. */
public sealed interface DownTarget {

  /** Revert the last {@code count} applied versions (at least 1, at most the number applied). */
  record Steps(int count) implements DownTarget {}

  /**
   * Revert every applied version above {@code version}, which must be applied, the baseline, or
   * {@code 0} (revert everything down to the baseline or the empty schema).
   */
  record To(Version version) implements DownTarget {}
}
