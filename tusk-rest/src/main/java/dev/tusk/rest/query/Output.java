package dev.tusk.rest.query;

import dev.tusk.rest.request.AggregateFunction;
import java.util.Optional;

/** One entry of a select list; {@code key} is the column name the row shows it under. */
public sealed interface Output {

  /** {@code "alias".*}. */
  record AllColumns(String alias) implements Output {}

  /** {@code (expr)::cast AS "key"}; {@code cast} is already validated SQL type text. */
  record Value(Expr expr, Optional<String> cast, String key) implements Output {}

  /**
   * {@code fn((expr)::inputCast)::outputCast AS "key"}; no expression is {@code count(*)}. Any
   * aggregate makes the query group by every other output.
   */
  record Aggregate(
      AggregateFunction function,
      Optional<Expr> expr,
      Optional<String> inputCast,
      Optional<String> outputCast,
      String key)
      implements Output {}

  /**
   * An embedded resource as JSON: the object (or null) of a to-one lateral, or the array (never
   * null) of a to-many lateral.
   */
  record Embedded(String lateral, boolean toOne, String key) implements Output {}
}
