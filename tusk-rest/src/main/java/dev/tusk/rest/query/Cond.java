package dev.tusk.rest.query;

import dev.tusk.rest.request.LogicTree;
import dev.tusk.rest.request.Operation;
import java.util.List;

/** A condition of a WHERE clause (or a join's ON); a list of them is ANDed. */
public sealed interface Cond {

  /**
   * {@code [NOT] lhs <operation>}. {@code tsvector} says the column already is a tsvector, so
   * full-text search with a language need not convert it.
   */
  record Test(Expr lhs, boolean negated, Operation operation, boolean tsvector) implements Cond {}

  /** {@code [NOT] (a AND|OR b ...)}. */
  record Logic(boolean negated, LogicTree.Connective connective, List<Cond> children)
      implements Cond {
    public Logic {
      children = List.copyOf(children);
    }
  }

  /** An embedded resource has a row ({@code present}) or has none: !inner and rel=is.null. */
  record Related(String lateral, boolean present) implements Cond {}

  /** {@code "left"."leftColumn" = "right"."rightColumn"}: how an embed joins its parent. */
  record ColumnsEqual(String left, String leftColumn, String right, String rightColumn)
      implements Cond {}

  /**
   * {@code "alias".ctid = ANY (ARRAY(rows))}: limits an UPDATE or DELETE to the rows a filtered,
   * ordered and ranged select of the same table picks (whose one output is its ctid).
   */
  record InRows(String alias, ReadTree rows) implements Cond {}
}
