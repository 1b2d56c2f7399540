package dev.tusk.rest.query;

import dev.tusk.rest.request.JsonStep;
import java.util.List;
import java.util.Objects;

/**
 * A value the SQL reads from a row: a column of an aliased source (with an optional JSON path), or
 * a column a lateral subquery exposes. Names are verbatim; the renderer quotes them and sends JSON
 * keys as parameters.
 */
public sealed interface Expr {

  /**
   * {@code "alias"."column"->'k'->>'j'}. {@code toJsonb} wraps the column in {@code to_jsonb(...)}
   * first, so paths also work on composite and array columns.
   */
  record ColumnRef(String alias, String column, List<JsonStep> jsonPath, boolean toJsonb)
      implements Expr {
    public ColumnRef {
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(column, "column");
      jsonPath = List.copyOf(jsonPath);
    }

    public static ColumnRef of(String alias, String column) {
      return new ColumnRef(alias, column, List.of(), false);
    }
  }

  /** {@code "lateral"."key"}: a column of an embedded resource's lateral subquery. */
  record LateralRef(String lateral, String key) implements Expr {
    public LateralRef {
      Objects.requireNonNull(lateral, "lateral");
      Objects.requireNonNull(key, "key");
    }
  }
}
