package dev.tusk.rest.schema;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Follows view columns through views built on views down to table columns, where foreign keys and
 * primary keys live. A column whose chain ends in an expression has no origin. PostgreSQL forbids
 * cycles among views; the hop limit only guards against a catalog read mid-change.
 */
final class ViewOrigins {

  static final int MAX_HOPS = 64;

  private ViewOrigins() {}

  /**
   * For each view in {@code direct}, each view column with a table column behind it, mapped to that
   * table column.
   */
  static Map<Long, Map<Integer, ColumnOrigin>> resolve(
      Map<Long, Map<Integer, ColumnOrigin>> direct) {
    Map<Long, Map<Integer, ColumnOrigin>> resolved = new HashMap<>();
    direct.forEach(
        (view, columns) -> {
          Map<Integer, ColumnOrigin> base = new LinkedHashMap<>();
          columns.forEach(
              (attnum, origin) -> {
                ColumnOrigin o = origin;
                int hops = 0;
                while (o != null && direct.containsKey(o.relid())) {
                  o = ++hops > MAX_HOPS ? null : direct.get(o.relid()).get(o.attnum());
                }
                if (o != null) {
                  base.put(attnum, o);
                }
              });
          resolved.put(view, Map.copyOf(base));
        });
    return resolved;
  }
}
