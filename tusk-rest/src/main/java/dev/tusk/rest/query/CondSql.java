package dev.tusk.rest.query;

import dev.tusk.rest.request.LogicTree;
import dev.tusk.rest.request.Operation;
import java.util.List;

/** Renders conditions. Every value the client sent is a parameter; operators come from enums. */
final class CondSql {

  private CondSql() {}

  /** {@code c1 AND c2 ...}; nothing for an empty list. */
  static void all(Sql sql, List<Cond> conds) {
    sql.join(conds, " AND ", CondSql::render);
  }

  static void render(Sql sql, Cond cond) {
    switch (cond) {
      case Cond.Test t -> {
        sql.raw(t.negated() ? "NOT (" : "");
        test(sql, t);
        sql.raw(t.negated() ? ")" : "");
      }
      case Cond.Logic l -> {
        sql.raw(l.negated() ? "NOT (" : "(");
        String op = l.connective() == LogicTree.Connective.AND ? " AND " : " OR ";
        sql.join(l.children(), op, CondSql::render);
        sql.raw(")");
      }
      case Cond.Related r ->
          sql.column(r.lateral(), Child.JSON_COLUMN).raw(r.present() ? " IS NOT NULL" : " IS NULL");
      case Cond.ColumnsEqual e ->
          sql.column(e.left(), e.leftColumn()).raw(" = ").column(e.right(), e.rightColumn());
      case Cond.InRows r ->
          sql.column(r.alias(), "ctid")
              .raw(" = ANY (ARRAY(")
              .append(TreeSql.select(r.rows()))
              .raw("))");
    }
  }

  private static void test(Sql sql, Cond.Test t) {
    Expr lhs = t.lhs();
    switch (t.operation()) {
      case Operation.Compare c -> {
        ExprSql.render(sql, lhs);
        sql.raw(" ").raw(c.operator().sql()).raw(" ");
        if (c.quantifier().isPresent()) {
          sql.raw(c.quantifier().get() == Operation.Quantifier.ANY ? "ANY (" : "ALL (");
          sql.param(c.value()).raw(")");
        } else {
          sql.param(c.value());
        }
      }
      case Operation.In in -> {
        ExprSql.render(sql, lhs);
        sql.raw(" = ANY (").param(ArrayLiteral.of(in.values())).raw(")");
      }
      case Operation.Is is -> {
        ExprSql.render(sql, lhs);
        sql.raw(
            switch (is.value()) {
              case NULL -> " IS NULL";
              case NOT_NULL -> " IS NOT NULL";
              case TRUE -> " IS TRUE";
              case FALSE -> " IS FALSE";
              case UNKNOWN -> " IS UNKNOWN";
            });
      }
      case Operation.IsDistinct d -> {
        ExprSql.render(sql, lhs);
        sql.raw(" IS DISTINCT FROM ").param(d.value());
      }
      case Operation.FullText f -> fullText(sql, lhs, f, t.tsvector());
    }
  }

  /**
   * {@code doc @@ to_tsquery(...)}. With a language, a column that is not a tsvector is converted
   * with that language too; without one, PostgreSQL's {@code text @@ tsquery} uses the default
   * configuration, as PostgREST's query does.
   */
  private static void fullText(Sql sql, Expr lhs, Operation.FullText f, boolean tsvector) {
    if (f.language().isPresent() && !tsvector) {
      sql.raw("to_tsvector(").param(f.language().get()).raw("::regconfig, ");
      ExprSql.render(sql, lhs);
      sql.raw(")");
    } else {
      ExprSql.render(sql, lhs);
    }
    sql.raw(" @@ ").raw(f.operator().function()).raw("(");
    if (f.language().isPresent()) {
      sql.param(f.language().get()).raw("::regconfig, ");
    }
    sql.param(f.query()).raw(")");
  }
}
