package dev.tusk.rest.plan;

import dev.tusk.rest.query.Cond;
import dev.tusk.rest.query.Expr;
import dev.tusk.rest.query.Sort;
import dev.tusk.rest.request.Filter;
import dev.tusk.rest.request.LogicTree;
import dev.tusk.rest.request.NodeParams;
import dev.tusk.rest.request.Operation;
import dev.tusk.rest.request.OrderTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The filters, logic trees and ordering of one resource, resolved against its scope and its embeds.
 * A filter on an embed's name ({@code rel=is.null}, also inside {@code or=(...)}) tests whether the
 * embed has rows; any other operator on it is PGRST120.
 */
final class NodeFilters {

  private NodeFilters() {}

  static List<Cond> conditions(Scope scope, NodeParams params, Map<String, PendingChild> embeds) {
    List<Cond> conds = new ArrayList<>();
    for (Filter f : params.filters()) {
      conds.add(filter(scope, f, embeds));
    }
    for (LogicTree tree : params.logic()) {
      conds.add(logic(scope, tree, embeds));
    }
    return conds;
  }

  private static Cond logic(Scope scope, LogicTree tree, Map<String, PendingChild> embeds) {
    return switch (tree) {
      case LogicTree.Leaf leaf -> filter(scope, leaf.filter(), embeds);
      case LogicTree.Node node ->
          new Cond.Logic(
              node.negated(),
              node.connective(),
              node.children().stream().map(c -> logic(scope, c, embeds)).toList());
    };
  }

  static Cond filter(Scope scope, Filter f, Map<String, PendingChild> embeds) {
    PendingChild embed = f.field().hasJsonPath() ? null : embeds.get(f.field().name());
    if (embed == null) {
      return new Cond.Test(
          scope.ref(f.field()), f.negated(), f.operation(), scope.isTsvector(f.field()));
    }
    if (!(f.operation() instanceof Operation.Is is)
        || (is.value() != Operation.IsValue.NULL && is.value() != Operation.IsValue.NOT_NULL)) {
      throw PlanErrors.embedFilter(f.field().name());
    }
    embed.tested = true;
    boolean present = (is.value() == Operation.IsValue.NOT_NULL) != f.negated();
    return new Cond.Related(embed.lateral, present);
  }

  static List<Sort> order(Scope scope, NodeParams params, Map<String, PendingChild> embeds) {
    List<Sort> sorts = new ArrayList<>();
    for (OrderTerm term : params.order()) {
      Expr expr =
          switch (term.target()) {
            case OrderTerm.Column c -> scope.ref(c.field());
            case OrderTerm.Related r -> {
              PendingChild embed = embeds.get(r.relation());
              if (embed == null) {
                throw PlanErrors.notEmbedded(r.relation());
              }
              if (!embed.toOne) {
                throw PlanErrors.relatedOrder(scope.name(), r.relation());
              }
              yield new Expr.ColumnRef(
                  embed.lateral, r.field().name(), r.field().jsonPath(), false);
            }
          };
      sorts.add(new Sort(expr, term.direction(), term.nulls()));
    }
    return sorts;
  }
}
