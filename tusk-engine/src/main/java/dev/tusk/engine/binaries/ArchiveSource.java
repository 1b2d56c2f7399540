package dev.tusk.engine.binaries;

import java.io.IOException;
import java.io.InputStream;

/**
 * An xz-compressed tar of a PostgreSQL installation that the cache can unpack. The embedded archive
 * on the classpath is the one Tusk ships; tests supply small ones they build.
 */
public interface ArchiveSource {

  /** Where the archive comes from, for error messages (a resource name or a file). */
  String name();

  /** The binaries artifact version, e.g. {@code 18.3.0}: the first part of the cache directory. */
  String version();

  /** A fresh stream over the whole archive; the caller closes it. */
  InputStream open() throws IOException;

  /**
   * A cheap identity of the archive's bytes (file, size, modification time, CRC), if one is known:
   * when it matches a recorded one, the cache reuses the recorded SHA-256 instead of hashing 15 MB
   * on every start. Any change to the file changes the fingerprint.
   */
  default java.util.Optional<String> fingerprint() {
    return java.util.Optional.empty();
  }
}
