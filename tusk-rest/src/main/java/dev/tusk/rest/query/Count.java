package dev.tusk.rest.query;

/** What the {@code total} column of a read holds. */
public sealed interface Count {

  /** NULL: no count requested, or a planned count (which the estimate statement gives). */
  record None() implements Count {}

  /** The exact number of rows the request's filters select, ignoring its range. */
  record Exact() implements Count {}

  /**
   * PostgREST's {@code count=estimated}: the exact count when it is at most {@code threshold}
   * (counting stops after threshold + 1 rows), else NULL so the planner's estimate is used.
   */
  record UpTo(long threshold) implements Count {}
}
