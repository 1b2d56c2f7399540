package dev.tusk.migrate.lint;

import java.util.ArrayList;
import java.util.List;

/** Splits token ranges at commas of one nesting depth: a column list, ALTER TABLE actions. */
final class Elements {

  /** Tokens {@code [from, to)} of a statement. */
  record Range(int from, int to) {

    boolean isEmpty() {
      return from >= to;
    }
  }

  private Elements() {}

  /** The comma-separated parts of {@code [from, to)} at parenthesis depth {@code depth}. */
  static List<Range> split(Stmt s, int from, int to, int depth) {
    List<Range> out = new ArrayList<>();
    int start = from;
    for (int k = from; k < to; k++) {
      if (s.symbol(k, ',') && s.get(k).depth() == depth) {
        out.add(new Range(start, k));
        start = k + 1;
      }
    }
    out.add(new Range(start, to));
    return out;
  }

  /** The parts inside the parentheses at {@code open}. */
  static List<Range> inside(Stmt s, int open) {
    return split(s, open + 1, s.closing(open), s.get(open).depth() + 1);
  }
}
