package dev.tusk.rest.query;

import dev.tusk.rest.request.OrderTerm;
import dev.tusk.rest.request.RowRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ReadTree} as one SELECT. Embedded resources are {@code LEFT JOIN LATERAL}
 * subqueries: a to-one lateral yields the child row as a JSON object plus its columns (for spreads
 * and related ordering), a to-many lateral the JSON array of child rows. Missing children leave the
 * lateral's columns NULL, which is what {@code !inner} and {@code rel=is.null} test.
 */
public final class TreeSql {

  private TreeSql() {}

  /** The tree's rows, shaped by its select list, order and range. */
  public static Sql select(ReadTree tree) {
    Sql sql = new Sql().raw("SELECT");
    if (!tree.outputs().isEmpty()) {
      sql.raw(" ");
      outputs(sql, tree);
    }
    from(sql, tree, tree.children());
    where(sql, tree);
    groupBy(sql, tree);
    order(sql, tree);
    range(sql, tree);
    return sql;
  }

  /**
   * One row per row the tree selects before its range (one per group when grouped): what an exact
   * count counts. Joins only the embeds the conditions test.
   */
  public static Sql countable(ReadTree tree) {
    if (tree.grouped()) {
      return select(tree.withRange(RowRange.all()).withoutOrder());
    }
    List<Child> filtering = tree.children().stream().filter(Child::filtersParent).toList();
    Sql sql = new Sql().raw("SELECT 1");
    from(sql, tree, filtering);
    where(sql, tree);
    return sql;
  }

  private static void outputs(Sql sql, ReadTree tree) {
    boolean grouped = tree.grouped();
    sql.join(tree.outputs(), ", ", (s, o) -> output(s, o, grouped));
  }

  private static void output(Sql sql, Output output, boolean grouped) {
    switch (output) {
      case Output.AllColumns all -> {
        if (grouped) {
          throw new IllegalStateException("expand * before grouping: " + all);
        }
        sql.ident(all.alias()).raw(".*");
      }
      case Output.Value v -> {
        ExprSql.cast(sql, v.expr(), v.cast());
        sql.raw(" AS ").ident(v.key());
      }
      case Output.Aggregate a -> {
        sql.raw(a.function().sqlName()).raw("(");
        if (a.expr().isPresent()) {
          ExprSql.cast(sql, a.expr().get(), a.inputCast());
        } else {
          sql.raw("*");
        }
        sql.raw(")");
        a.outputCast().ifPresent(c -> sql.raw("::").raw(c));
        sql.raw(" AS ").ident(a.key());
      }
      case Output.Embedded e -> {
        if (e.toOne()) {
          sql.column(e.lateral(), Child.JSON_COLUMN);
        } else {
          sql.raw("coalesce(").column(e.lateral(), Child.JSON_COLUMN).raw(", '[]')");
        }
        sql.raw(grouped ? "::jsonb" : "").raw(" AS ").ident(e.key());
      }
    }
  }

  private static void from(Sql sql, ReadTree tree, List<Child> children) {
    sql.raw(" FROM ");
    SourceSql.render(sql, tree.source(), tree.alias());
    for (Junction j : tree.junctions()) {
      sql.raw(" INNER JOIN ").qualified(j.table()).raw(" AS ").ident(j.alias()).raw(" ON ");
      CondSql.all(sql, j.on());
    }
    for (Child child : children) {
      sql.raw(" LEFT JOIN LATERAL (");
      if (child.toOne()) {
        sql.raw("SELECT row_to_json(_s) AS ").ident(Child.JSON_COLUMN).raw(", _s.*");
      } else {
        sql.raw("SELECT json_agg(_s) AS ").ident(Child.JSON_COLUMN);
      }
      sql.raw(" FROM (").append(select(child.tree())).raw(") AS _s) AS ");
      sql.ident(child.lateral()).raw(" ON TRUE");
    }
  }

  private static void where(Sql sql, ReadTree tree) {
    if (!tree.conditions().isEmpty()) {
      sql.raw(" WHERE ");
      CondSql.all(sql, tree.conditions());
    }
  }

  /**
   * By position: JSON keys are parameters, so equal expressions would not look equal. A to-one
   * embed's column used for ordering is grouped too; it depends on the embed's row, which is
   * grouped already, so the groups stay the same.
   */
  private static void groupBy(Sql sql, ReadTree tree) {
    if (!tree.grouped()) {
      return;
    }
    List<String> positions = new ArrayList<>();
    for (int i = 0; i < tree.outputs().size(); i++) {
      if (!(tree.outputs().get(i) instanceof Output.Aggregate)) {
        positions.add(Integer.toString(i + 1));
      }
    }
    List<Expr> extra = new ArrayList<>();
    for (Sort sort : tree.order()) {
      if (position(tree, sort.expr()) < 0 && isToOneColumn(tree, sort.expr())) {
        extra.add(sort.expr());
      }
    }
    if (positions.isEmpty() && extra.isEmpty()) {
      return;
    }
    sql.raw(" GROUP BY ").raw(String.join(", ", positions));
    for (Expr e : extra) {
      sql.raw(positions.isEmpty() && e == extra.get(0) ? "" : ", ");
      ExprSql.render(sql, e);
    }
  }

  private static boolean isToOneColumn(ReadTree tree, Expr expr) {
    return expr instanceof Expr.ColumnRef ref
        && ref.jsonPath().isEmpty()
        && tree.children().stream().anyMatch(c -> c.toOne() && c.lateral().equals(ref.alias()));
  }

  /** The 1-based position of the plain output showing {@code expr}, or -1. */
  private static int position(ReadTree tree, Expr expr) {
    for (int i = 0; i < tree.outputs().size(); i++) {
      if (tree.outputs().get(i) instanceof Output.Value v
          && v.cast().isEmpty()
          && same(v.expr(), expr)) {
        return i + 1;
      }
    }
    return -1;
  }

  /** Equal, counting a lateral's column and a reference to it by name as the same value. */
  private static boolean same(Expr a, Expr b) {
    return normal(a).equals(normal(b));
  }

  private static Expr normal(Expr e) {
    return e instanceof Expr.LateralRef l ? Expr.ColumnRef.of(l.lateral(), l.key()) : e;
  }

  private static void order(Sql sql, ReadTree tree) {
    if (tree.order().isEmpty()) {
      return;
    }
    sql.raw(" ORDER BY ");
    sql.join(
        tree.order(),
        ", ",
        (s, sort) -> {
          int position = tree.grouped() ? position(tree, sort.expr()) : -1;
          if (position > 0) {
            s.raw(Integer.toString(position));
          } else {
            ExprSql.render(s, sort.expr());
          }
          sort.direction().ifPresent(d -> s.raw(d == OrderTerm.Direction.ASC ? " ASC" : " DESC"));
          sort.nulls()
              .ifPresent(
                  n -> s.raw(n == OrderTerm.NullsOrder.FIRST ? " NULLS FIRST" : " NULLS LAST"));
        });
  }

  private static void range(Sql sql, ReadTree tree) {
    tree.range().limit().ifPresent(l -> sql.raw(" LIMIT ").param(Long.toString(l)));
    if (tree.range().offset() > 0) {
      sql.raw(" OFFSET ").param(Long.toString(tree.range().offset()));
    }
  }
}
