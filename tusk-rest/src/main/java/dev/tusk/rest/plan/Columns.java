package dev.tusk.rest.plan;

import dev.tusk.rest.query.Expr;
import dev.tusk.rest.query.Output;
import dev.tusk.rest.request.AggregateFunction;
import dev.tusk.rest.request.JsonStep;
import dev.tusk.rest.request.SelectItem;
import dev.tusk.rest.schema.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The select list's leaves: columns (with casts and JSON paths, named by alias, last JSON key or
 * column), aggregates (only when {@code api.aggregates} allows, PGRST123), and {@code *} expanded
 * to the table's columns when the query is grouped.
 */
final class Columns {

  private Columns() {}

  static Output column(Scope scope, SelectItem.Column c, PlanSettings settings) {
    Expr.ColumnRef ref = scope.ref(c.field());
    Optional<String> cast = CastType.check(c.cast());
    if (isLegacyCount(scope, c)) {
      return new Output.Aggregate(
          AggregateFunction.COUNT,
          Optional.empty(),
          Optional.empty(),
          cast,
          c.alias().orElse("count"));
    }
    if (c.aggregate().isEmpty()) {
      return new Output.Value(ref, cast, c.alias().orElse(key(c)));
    }
    requireAggregates(settings);
    AggregateFunction fn = c.aggregate().get();
    return new Output.Aggregate(
        fn,
        Optional.of(ref),
        cast,
        CastType.check(c.aggregateCast()),
        c.alias().orElse(fn.sqlName()));
  }

  /**
   * PostgREST's legacy {@code select=count} (no parentheses) counts rows when the resource has no
   * column of that name; it predates {@code api.aggregates} and so works without it.
   */
  private static boolean isLegacyCount(Scope scope, SelectItem.Column c) {
    return c.field().name().equals("count")
        && !c.field().hasJsonPath()
        && c.aggregate().isEmpty()
        && scope.table().isPresent()
        && scope.column("count").isEmpty();
  }

  static Output countAll(SelectItem.CountAll c, PlanSettings settings) {
    requireAggregates(settings);
    return new Output.Aggregate(
        AggregateFunction.COUNT,
        Optional.empty(),
        Optional.empty(),
        CastType.check(c.cast()),
        c.alias().orElse("count"));
  }

  private static void requireAggregates(PlanSettings settings) {
    if (!settings.aggregatesEnabled()) {
      throw PlanErrors.aggregatesDisabled();
    }
  }

  /** A JSON path is named by its last key ({@code data->a->>b} is {@code b}), else the column. */
  private static String key(SelectItem.Column c) {
    List<JsonStep> path = c.field().jsonPath();
    for (int i = path.size() - 1; i >= 0; i--) {
      if (path.get(i).operand() instanceof JsonStep.Key k) {
        return k.name();
      }
    }
    return c.field().name();
  }

  /** GROUP BY goes by position, so {@code *} must be its columns when aggregates are present. */
  static List<Output> expandForGrouping(Scope scope, List<Output> outputs) {
    if (outputs.stream().noneMatch(o -> o instanceof Output.Aggregate)) {
      return outputs;
    }
    List<Output> out = new ArrayList<>();
    for (Output o : outputs) {
      if (o instanceof Output.AllColumns all) {
        List<Column> columns =
            scope
                .table()
                .orElseThrow(
                    () -> PlanErrors.notImplemented("aggregates with * on " + scope.name()))
                .columns();
        for (Column col : columns) {
          out.add(
              new Output.Value(
                  Expr.ColumnRef.of(all.alias(), col.name()), Optional.empty(), col.name()));
        }
      } else {
        out.add(o);
      }
    }
    return out;
  }
}
