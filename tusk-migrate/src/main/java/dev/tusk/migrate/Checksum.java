package dev.tusk.migrate;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded for an applied migration: SHA-256 over the file's bytes after every CRLF
 * pair is turned into LF, as lowercase hex. Normalising line ends means a Windows checkout (git's
 * {@code core.autocrlf}) of an unchanged file does not look edited; every other byte counts, a
 * byte-order mark and trailing whitespace included, so any real edit changes the checksum.
 */
final class Checksum {

  private Checksum() {}

  /** {@code bytes} with each CR LF pair replaced by LF; a lone CR stays. */
  static byte[] normaliseLineEnds(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    int n = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
        continue;
      }
      out[n++] = bytes[i];
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /** The SHA-256 of {@code normalised} (already through {@link #normaliseLineEnds}). */
  static String sha256(byte[] normalised) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
