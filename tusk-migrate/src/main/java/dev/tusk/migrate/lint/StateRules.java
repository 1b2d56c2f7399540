package dev.tusk.migrate.lint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules judged on the schema the files leave behind, after the last file: a table the files
 * create in an exposed schema without RLS, a column still typed timestamp without time zone, a
 * SECURITY DEFINER routine without a pinned search_path. Each finding points at the statement that
 * caused it, whose comments may suppress it.
 */
final class StateRules {

  private StateRules() {}

  static void judge(Catalog catalog, Set<String> exposed, Findings findings) {
    for (Map.Entry<ObjectName, TableState> e : catalog.tables().entrySet()) {
      ObjectName table = e.getKey();
      TableState t = e.getValue();
      if (t.created() != null && exposed.contains(table.schema()) && !t.rls()) {
        findings.add(
            Rule.RLS_MISSING,
            t.created(),
            "table "
                + table
                + " is in schema "
                + Names.show(table.schema())
                + ", which the REST API exposes, and row level security is never enabled on it:"
                + " the API's roles reach every row their grants allow");
      }
      t.columns()
          .forEach(
              (column, c) -> {
                if (c.timestampAt() != null) {
                  findings.add(
                      Rule.TIMESTAMP_WITHOUT_TZ,
                      c.timestampAt(),
                      "column "
                          + Names.show(column)
                          + " of "
                          + table
                          + " is timestamp without time zone: it stores a wall-clock reading"
                          + " with no zone, so values written from different time zones (or"
                          + " across a DST change) do not compare correctly");
                }
              });
    }
    for (Map.Entry<ObjectName, List<FunctionState>> e : catalog.functions().entrySet()) {
      for (FunctionState f : e.getValue()) {
        if (f.definerAt() != null && !f.pinned()) {
          String shown = e.getKey() + (f.signature() == null ? "" : "(" + f.signature() + ")");
          findings.add(
              Rule.SECURITY_DEFINER_SEARCH_PATH,
              f.definerAt(),
              shown
                  + " is SECURITY DEFINER without a pinned search_path: whoever can create"
                  + " objects in a schema on the caller's search_path can make it run their"
                  + " code with its owner's rights");
        }
      }
    }
  }
}
