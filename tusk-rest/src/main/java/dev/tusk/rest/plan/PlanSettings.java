package dev.tusk.rest.plan;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What config changes about planning.
 *
 * @param maxRows {@code api.max_rows}: a cap on the rows a read returns (the root only), and the
 *     threshold of {@code count=estimated}
 * @param aggregatesEnabled {@code api.aggregates}: whether {@code sum()} etc. may appear in select
 * @param planEnabled whether {@code Accept: application/vnd.pgrst.plan} may EXPLAIN a request
 * @param schemas the exposed schemas, first the default
 */
public record PlanSettings(
    Optional<Integer> maxRows,
    boolean aggregatesEnabled,
    boolean planEnabled,
    List<String> schemas) {

  public PlanSettings {
    Objects.requireNonNull(maxRows, "maxRows");
    schemas = List.copyOf(schemas);
    if (maxRows.isPresent() && maxRows.get() < 0) {
      throw new IllegalArgumentException("max rows must not be negative: " + maxRows.get());
    }
  }

  /** No row cap, aggregates on, no EXPLAIN. */
  public static PlanSettings defaults(List<String> schemas) {
    return new PlanSettings(Optional.empty(), true, false, schemas);
  }
}
