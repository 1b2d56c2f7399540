package dev.tusk.rest.request;

import java.util.Optional;

/**
 * One element of {@code order=}: {@code col.desc.nullslast}, {@code data->>k.asc}, or {@code
 * rel(col).desc} to order by a column of a to-one embed. Absent direction and nulls mean
 * PostgreSQL's defaults.
 */
public record OrderTerm(Target target, Optional<Direction> direction, Optional<NullsOrder> nulls) {

  /** What is ordered by. */
  public sealed interface Target {}

  /** A column (or JSON path) of the resource itself. */
  public record Column(Field field) implements Target {}

  /** {@code relation(col)}: a column of a to-one embedded resource. */
  public record Related(String relation, Field field) implements Target {}

  public enum Direction {
    ASC,
    DESC
  }

  public enum NullsOrder {
    FIRST,
    LAST
  }
}
