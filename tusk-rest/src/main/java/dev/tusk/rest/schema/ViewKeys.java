package dev.tusk.rest.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A view's primary key, inferred: a base table's primary key when the view shows every one of its
 * columns. A view joining several tables may show several keys; the one whose first column comes
 * earliest in the view wins, which for the usual {@code SELECT a.*, b.name FROM a JOIN b} is the
 * table the view is about.
 */
final class ViewKeys {

  private ViewKeys() {}

  /**
   * @param origins view column number to its base table column
   * @param names view column number to its name
   * @param primaryKeys base table OID to its key's column numbers, in key order
   */
  static List<String> infer(
      Map<Integer, ColumnOrigin> origins,
      Map<Integer, String> names,
      Map<Long, List<Integer>> primaryKeys) {
    Set<Long> bases = new LinkedHashSet<>();
    origins.values().forEach(o -> bases.add(o.relid()));
    List<String> best = List.of();
    int bestPosition = Integer.MAX_VALUE;
    for (long base : bases) {
      List<Integer> key = primaryKeys.getOrDefault(base, List.of());
      if (key.isEmpty()) {
        continue;
      }
      List<String> shown = new ArrayList<>();
      int position = Integer.MAX_VALUE;
      for (int keyColumn : key) {
        Integer viewColumn = firstShowing(origins, new ColumnOrigin(base, keyColumn));
        if (viewColumn == null || names.get(viewColumn) == null) {
          shown = null;
          break;
        }
        shown.add(names.get(viewColumn));
        position = Math.min(position, viewColumn);
      }
      if (shown != null && position < bestPosition) {
        best = List.copyOf(shown);
        bestPosition = position;
      }
    }
    return best;
  }

  private static Integer firstShowing(Map<Integer, ColumnOrigin> origins, ColumnOrigin column) {
    Integer first = null;
    for (Map.Entry<Integer, ColumnOrigin> e : origins.entrySet()) {
      if (e.getValue().equals(column) && (first == null || e.getKey() < first)) {
        first = e.getKey();
      }
    }
    return first;
  }
}
