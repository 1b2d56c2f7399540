package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration version: one or more numeric segments, written with {@code .} or {@code _} between
 * them ({@code 1}, {@code 1.2}, {@code 1_2}, {@code 20260101120000}). Versions compare numerically
 * segment by segment, so {@code 10} comes after {@code 9} and {@code 1.10} after {@code 1.9}.
 *
 * <p>The value is canonical: leading zeros and trailing zero segments are dropped ({@code 001},
 * {@code 1.0} and {@code 1_0_0} are all {@code 1}), so two spellings of one number are one version.
 * The history table stores {@link #toString()}, so its unique index on the version text means
 * numeric uniqueness. Segments are {@link BigInteger}s: a file name with forty digits is odd but
 * not an overflow.
 */
public record Version(List<BigInteger> segments) implements Comparable<Version> {

  private static final Pattern SYNTAX = Pattern.compile("[0-9]+(?:[._][0-9]+)*");

  /** The longest version text accepted: longer is a typo or hostile input, not a version. */
  static final int MAX_LENGTH = 64;

  public Version {
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("a version has at least one segment");
    }
    for (BigInteger s : segments) {
      if (s.signum() < 0) {
        throw new IllegalArgumentException("version segments are not negative: " + segments);
      }
    }
    int end = segments.size();
    while (end > 1 && segments.get(end - 1).signum() == 0) {
      end--;
    }
    segments = segments.subList(0, end);
  }

  /** Whether {@code text} is a version as file names and commands write it. */
  static boolean isValid(String text) {
    return text.length() <= MAX_LENGTH && SYNTAX.matcher(text).matches();
  }

  /**
   * Parses {@code 1}, {@code 1.2}, {@code 1_2} or a timestamp such as {@code 20260101120000}.
   *
   * @throws ConfigException {@code migrate.bad_version} for anything else
   */
  public static Version parse(String text) {
    if (text == null || !isValid(text)) {
      throw new ConfigException(
          "migrate.bad_version",
          "'" + text + "' is not a migration version",
          "write digits, optionally in segments separated by . or _ (1, 1.2, 20260101120000)");
    }
    List<BigInteger> parts = new ArrayList<>();
    for (String part : text.split("[._]")) {
      parts.add(new BigInteger(part));
    }
    return new Version(parts);
  }

  @Override
  public int compareTo(Version other) {
    int n = Math.max(segments.size(), other.segments.size());
    for (int i = 0; i < n; i++) {
      BigInteger a = i < segments.size() ? segments.get(i) : BigInteger.ZERO;
      BigInteger b = i < other.segments.size() ? other.segments.get(i) : BigInteger.ZERO;
      int c = a.compareTo(b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** The canonical text: segments joined by {@code .}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (BigInteger s : segments) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(s);
    }
    return out.toString();
  }
}
