package dev.tusk.migrate.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of the schema lint follows through the files, in run order: tables (created, renamed,
 * moved, dropped; RLS; columns), and functions (SECURITY DEFINER, a pinned search_path). The state
 * rules ({@code rls-missing}, {@code timestamp-without-tz}, {@code security-definer-search-path})
 * judge what it holds after the last file, so a later migration that fixes an earlier one's table
 * or function silences the finding without editing an applied file.
 */
final class Catalog {

  private final Map<ObjectName, TableState> tables = new LinkedHashMap<>();
  private final Map<ObjectName, List<FunctionState>> functions = new LinkedHashMap<>();

  Map<ObjectName, TableState> tables() {
    return tables;
  }

  /** The table's state, started empty (existing before the files) when lint has not seen it. */
  TableState table(ObjectName name) {
    return tables.computeIfAbsent(name, n -> new TableState(null));
  }

  boolean hasTable(ObjectName name) {
    return tables.containsKey(name);
  }

  void moveTable(ObjectName from, ObjectName to) {
    TableState t = tables.remove(from);
    if (t != null) {
      tables.put(to, t);
    }
  }

  Map<ObjectName, List<FunctionState>> functions() {
    return functions;
  }

  boolean hasFunction(ObjectName name) {
    return functions.containsKey(name);
  }

  /** CREATE [OR REPLACE]: replaces the overload with the same signature, or adds one. */
  void define(ObjectName name, FunctionState f) {
    List<FunctionState> list = functions.computeIfAbsent(name, n -> new ArrayList<>());
    list.removeIf(g -> Objects.equals(f.signature(), g.signature()));
    list.add(f);
  }

  /**
   * The overloads an ALTER or DROP names: with a signature, the one that matches (created for an
   * ALTER when the files never made it); without one, all of that name (one for an ALTER of a
   * function the files never made).
   */
  List<Integer> overloads(ObjectName name, String signature, boolean create) {
    List<FunctionState> list = functions.computeIfAbsent(name, n -> new ArrayList<>());
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (signature == null || Objects.equals(signature, list.get(i).signature())) {
        out.add(i);
      }
    }
    if (out.isEmpty() && create) {
      list.add(new FunctionState(signature, null, false));
      out.add(list.size() - 1);
    }
    if (list.isEmpty()) {
      functions.remove(name);
    }
    return out;
  }
}
