package dev.tusk.engine.binaries;

import java.time.Duration;

/**
 * The binaries {@link BinaryResolver} settled on, where they came from and how long that took, so
 * the CLI can report a cold start (unpacked) apart from a warm one (cached).
 *
 * @param elapsed time spent resolving: hashing, waiting for another unpacker and unpacking for the
 *     embedded archive, running {@code postgres --version} for a system installation
 */
public record Resolution(PostgresBinaries binaries, Source source, Duration elapsed) {

  /** Where the binaries came from. */
  public enum Source {
    /** {@code postgres.bin_dir}: a system installation. */
    SYSTEM,
    /** The embedded archive, already unpacked in the cache. */
    CACHED,
    /** The embedded archive, unpacked into the cache by this call. */
    UNPACKED
  }
}
