package dev.tusk.migrate.lint;

/** What lint knows of a table's size, from {@link TableSizes}. */
public sealed interface TableSize {

  /** No database to ask (offline): the table may be large. */
  record Unknown() implements TableSize {}

  /** The database has no such table (the files create it later, or it is misspelt). */
  record Absent() implements TableSize {}

  /**
   * The planner's estimate, summed over partitions for a partitioned table.
   *
   * @param rows estimated rows of the parts that were ever analyzed or vacuumed
   * @param unanalyzedBytes bytes on disk of the parts never analyzed (their rows are unknown)
   */
  record Measured(long rows, long unanalyzedBytes) implements TableSize {}
}
