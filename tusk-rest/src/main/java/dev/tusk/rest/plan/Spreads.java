package dev.tusk.rest.plan;

import dev.tusk.rest.query.Expr;
import dev.tusk.rest.query.Output;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lifts a spread embed's columns into its parent. The child's lateral exposes its row's columns;
 * the parent selects each by key. Aggregates in a spread apply in the parent's context (PostgREST's
 * rule), so the child selects their input under a hidden name and the parent aggregates that.
 */
final class Spreads {

  /** The child's select list (aggregates replaced by their inputs) and the parent's additions. */
  record Lifted(List<Output> childOutputs, List<Output> parentOutputs) {}

  private Spreads() {}

  static Lifted lift(List<Output> child, String lateral, Optional<Table> table, Aliases aliases) {
    List<Output> childOut = new ArrayList<>();
    List<Output> parentOut = new ArrayList<>();
    for (Output o : child) {
      switch (o) {
        case Output.AllColumns all -> {
          childOut.add(all);
          Table t = table.orElseThrow(() -> PlanErrors.notImplemented("spreading * of " + lateral));
          for (Column c : t.columns()) {
            parentOut.add(value(lateral, c.name()));
          }
        }
        case Output.Value v -> {
          childOut.add(v);
          parentOut.add(value(lateral, v.key()));
        }
        case Output.Embedded e -> {
          childOut.add(e);
          parentOut.add(value(lateral, e.key()));
        }
        case Output.Aggregate a -> {
          if (a.expr().isEmpty()) {
            parentOut.add(a);
            continue;
          }
          String hidden = aliases.fresh("pgrst_aggregate");
          childOut.add(new Output.Value(a.expr().get(), a.inputCast(), hidden));
          parentOut.add(
              new Output.Aggregate(
                  a.function(),
                  Optional.of(new Expr.LateralRef(lateral, hidden)),
                  Optional.empty(),
                  a.outputCast(),
                  a.key()));
        }
      }
    }
    return new Lifted(childOut, parentOut);
  }

  private static Output value(String lateral, String key) {
    return new Output.Value(new Expr.LateralRef(lateral, key), Optional.empty(), key);
  }
}
