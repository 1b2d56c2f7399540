package dev.tusk.rest.schema;

import java.util.Objects;

/**
 * What a function returns. The planner needs the shape: a scalar is rendered as a JSON value, a
 * composite (a table's row type or a standalone composite type) or a record as objects, and {@code
 * setOf} decides between one value and an array.
 */
public sealed interface RoutineReturn {

  boolean setOf();

  /** {@code RETURNS int} or {@code RETURNS SETOF text}; type as {@code format_type} prints it. */
  record Scalar(String type, boolean setOf) implements RoutineReturn {
    public Scalar {
      Objects.requireNonNull(type, "type");
    }
  }

  /** {@code RETURNS content.articles} or {@code RETURNS SETOF content.articles}. */
  record Composite(QualifiedName type, boolean setOf) implements RoutineReturn {
    public Composite {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * {@code RETURNS TABLE (...)}, several OUT parameters, or a bare {@code record}: the columns are
   * the routine's output parameters (none for a bare record).
   */
  record Record(boolean setOf) implements RoutineReturn {}

  /** {@code RETURNS void}. */
  record Void() implements RoutineReturn {
    @Override
    public boolean setOf() {
      return false;
    }
  }
}
