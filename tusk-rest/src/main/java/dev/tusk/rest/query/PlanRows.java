package dev.tusk.rest.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.OptionalLong;

/**
 * Reads the planner's row estimate out of {@code EXPLAIN (FORMAT JSON)} output, the result of a
 * {@link QueryPlan#estimatedCount()} statement: {@code [{"Plan": {"Plan Rows": n, ...}}]}.
 */
public final class PlanRows {

  private final ObjectMapper mapper;

  public PlanRows(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The top plan node's row estimate, or empty when the text is not such a plan. */
  public OptionalLong estimate(String explainJson) {
    if (explainJson == null) {
      return OptionalLong.empty();
    }
    try {
      JsonNode rows = mapper.readTree(explainJson).path(0).path("Plan").path("Plan Rows");
      return rows.isNumber() ? OptionalLong.of(rows.asLong()) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }
}
