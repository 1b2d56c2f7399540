package dev.tusk.rest.query;

import dev.tusk.rest.request.JsonStep;
import java.util.Optional;

/** Renders {@link Expr}s: quoted names, JSON keys as text parameters, indexes as literals. */
final class ExprSql {

  private ExprSql() {}

  static void render(Sql sql, Expr expr) {
    switch (expr) {
      case Expr.ColumnRef ref -> column(sql, ref);
      case Expr.LateralRef ref -> sql.column(ref.lateral(), ref.key());
    }
  }

  private static void column(Sql sql, Expr.ColumnRef ref) {
    if (ref.jsonPath().isEmpty()) {
      sql.column(ref.alias(), ref.column());
      return;
    }
    if (ref.toJsonb()) {
      sql.raw("to_jsonb(").column(ref.alias(), ref.column()).raw(")");
    } else {
      sql.column(ref.alias(), ref.column());
    }
    for (JsonStep step : ref.jsonPath()) {
      sql.raw(step.arrow().symbol());
      switch (step.operand()) {
        case JsonStep.Key key -> sql.param(key.name()).raw("::text");
        case JsonStep.Index index ->
            sql.raw(
                index.index() < 0 ? "(" + index.index() + ")" : Integer.toString(index.index()));
      }
    }
  }

  /** {@code expr::cast}, parenthesised when the expression has operators of its own. */
  static void cast(Sql sql, Expr expr, Optional<String> cast) {
    if (cast.isEmpty()) {
      render(sql, expr);
      return;
    }
    boolean bare = !(expr instanceof Expr.ColumnRef ref) || ref.jsonPath().isEmpty();
    sql.raw(bare ? "" : "(");
    render(sql, expr);
    sql.raw(bare ? "" : ")").raw("::").raw(cast.get());
  }
}
