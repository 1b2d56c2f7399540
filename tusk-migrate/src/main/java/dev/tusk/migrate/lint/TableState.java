package dev.tusk.migrate.lint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the files have done to one table so far: where they created it (null for a table that
 * existed before them), whether row level security is on, and its columns whose types lint follows.
 */
final class TableState {

  /**
   * A column: the file that added it (null if older) and, when its type is a naive timestamp,
   * where.
   */
  record Column(Source addedIn, Spot timestampAt) {}

  private final Spot created;
  private boolean rls;
  private final Map<String, Column> columns = new LinkedHashMap<>();

  TableState(Spot created) {
    this.created = created;
  }

  /** Where the files create the table; null when it is older than them. */
  Spot created() {
    return created;
  }

  /** True when {@code source} creates this table, so it is new and empty while the file runs. */
  boolean createdIn(Source source) {
    return created != null && created.stmt().source() == source;
  }

  boolean rls() {
    return rls;
  }

  void rls(boolean on) {
    rls = on;
  }

  Map<String, Column> columns() {
    return columns;
  }
}
