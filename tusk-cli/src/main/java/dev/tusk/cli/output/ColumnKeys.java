package dev.tusk.cli.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON object keys for a result's columns. SQL allows repeated column names ({@code SELECT 1 AS a,
 * 2 AS a}); a JSON object must not repeat keys, or readers keep one value and lose the other. The
 * first column with a name keeps it; each later one gets {@code _2}, {@code _3}... choosing the
 * first suffix that is neither another column's own name nor already given out, so {@code [a, a,
 * a_2]} becomes {@code [a, a_3, a_2]} and every column keeps a distinct key.
 */
final class ColumnKeys {

  private ColumnKeys() {}

  static List<String> unique(List<String> columns) {
    Set<String> taken = new HashSet<>(columns);
    Set<String> seen = new HashSet<>();
    Map<String, Integer> nextSuffix = new HashMap<>(); // keeps many repeats linear
    List<String> keys = new ArrayList<>(columns.size());
    for (String column : columns) {
      if (seen.add(column)) {
        keys.add(column);
        continue;
      }
      int n = nextSuffix.getOrDefault(column, 2);
      while (taken.contains(column + "_" + n)) {
        n++;
      }
      String key = column + "_" + n;
      taken.add(key);
      nextSuffix.put(column, n + 1);
      keys.add(key);
    }
    return keys;
  }
}
