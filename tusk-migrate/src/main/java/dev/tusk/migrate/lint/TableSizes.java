package dev.tusk.migrate.lint;

/**
 * Where {@code index-not-concurrent} learns how big a table is: the database lint connects to
 * ({@link DatabaseTableSizes}), or nothing ({@link #offline()}), when every table the file does not
 * create counts as possibly large.
 */
public interface TableSizes {

  TableSize of(String schema, String table);

  /** True when sizes come from a database, false offline. */
  boolean connected();

  static TableSizes offline() {
    return new TableSizes() {
      @Override
      public TableSize of(String schema, String table) {
        return new TableSize.Unknown();
      }

      @Override
      public boolean connected() {
        return false;
      }
    };
  }
}
