package dev.tusk.rest.request;

import java.util.OptionalLong;

/**
 * Which rows of a result to return: skip {@code offset}, then at most {@code limit} (absent means
 * no limit). Built from {@code limit}/{@code offset} and, for the root of a read, the {@code Range}
 * header; {@link #intersect} combines the two the way PostgREST does.
 */
public record RowRange(long offset, OptionalLong limit) {

  public RowRange {
    if (offset < 0 || (limit.isPresent() && limit.getAsLong() < 0)) {
      throw new IllegalArgumentException("negative row range: " + offset + ", " + limit);
    }
  }

  public static RowRange all() {
    return new RowRange(0, OptionalLong.empty());
  }

  public boolean isAll() {
    return offset == 0 && limit.isEmpty();
  }

  /** The last row index included, if the range is bounded. */
  public OptionalLong last() {
    return limit.isPresent()
        ? OptionalLong.of(offset + limit.getAsLong() - 1)
        : OptionalLong.empty();
  }

  /**
   * The rows both ranges select. Empty if they do not overlap: the caller decides whether that is
   * an error.
   */
  public RowRange intersect(RowRange other) {
    long first = Math.max(offset, other.offset);
    OptionalLong end = minEnd(endExclusive(), other.endExclusive());
    if (end.isEmpty()) {
      return new RowRange(first, OptionalLong.empty());
    }
    return new RowRange(first, OptionalLong.of(Math.max(0, end.getAsLong() - first)));
  }

  private OptionalLong endExclusive() {
    if (limit.isEmpty()) {
      return OptionalLong.empty();
    }
    long end = offset + limit.getAsLong();
    return OptionalLong.of(end < 0 ? Long.MAX_VALUE : end); // saturate on overflow
  }

  private static OptionalLong minEnd(OptionalLong a, OptionalLong b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    return OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
  }
}
