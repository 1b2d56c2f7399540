package dev.tusk.rest.query;

import dev.tusk.rest.request.MediaType;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The main statement of a read (table, view or function) in the seven-column shape {@link
 * QueryPlan} documents: the rows in a CTE, aggregated into the body in the outer query, which also
 * reads the response GUCs after the rows (and so any function) were computed.
 */
public final class ReadStatement {

  /** The CTE every main statement aggregates its body from. */
  public static final String ROWS = "pgrst_source";

  private ReadStatement() {}

  public static SqlStatement main(ReadTree root, Body body, Count count) {
    Sql sql = new Sql().raw("WITH ").ident(ROWS).raw(" AS (").append(TreeSql.select(root));
    sql.raw(") SELECT ");
    total(sql, root, count);
    sql.raw(" AS total, count(*) AS page_total, ");
    BodySql.render(sql, body, ROWS);
    sql.raw(" AS body, NULL::text AS location, ");
    gucs(sql);
    return sql.raw(" FROM ").ident(ROWS).raw(" AS _t").statement();
  }

  /** A function returning void: called once, no body, no rows. */
  public static SqlStatement voidCall(ReadTree call) {
    Sql sql = new Sql().raw("WITH ").ident(ROWS).raw(" AS (").append(TreeSql.select(call));
    sql.raw(") SELECT NULL::bigint AS total, 0::bigint AS page_total, NULL::text AS body,");
    sql.raw(" NULL::text AS location, ");
    gucs(sql);
    return sql.raw(" FROM (SELECT count(*) FROM ").ident(ROWS).raw(") AS _t").statement();
  }

  /** For count=planned|estimated: the planner's view of how many rows the filters select. */
  public static SqlStatement estimate(ReadTree root) {
    return new Sql().raw("EXPLAIN (FORMAT JSON) ").append(TreeSql.countable(root)).statement();
  }

  /**
   * {@code application/vnd.pgrst.plan}: EXPLAIN of the main statement. Its result is rows of plan
   * text (one JSON document for FORMAT JSON), not the seven columns.
   */
  public static SqlStatement explain(SqlStatement main, MediaType.Plan plan) {
    String format = plan.format() == MediaType.PlanFormat.JSON ? "JSON" : "TEXT";
    Set<MediaType.PlanOption> options = plan.options();
    String extra =
        options.stream().sorted().map(o -> ", " + o.name()).collect(Collectors.joining());
    return new SqlStatement("EXPLAIN (FORMAT " + format + extra + ") " + main.sql(), main.params());
  }

  /** The last columns of every main statement: the response GUCs, then no insert count. */
  static void gucs(Sql sql) {
    gucsBefore(sql);
    sql.raw(", NULL::bigint AS inserted");
  }

  /** The response GUCs, for a statement that follows them with its own {@code inserted}. */
  static void gucsBefore(Sql sql) {
    sql.raw("current_setting('response.headers', true) AS response_headers,");
    sql.raw(" current_setting('response.status', true) AS response_status");
  }

  private static void total(Sql sql, ReadTree root, Count count) {
    switch (count) {
      case Count.None none -> sql.raw("NULL::bigint");
      case Count.Exact exact ->
          sql.raw("(SELECT count(*) FROM (").append(TreeSql.countable(root)).raw(") AS _c)");
      case Count.UpTo upTo ->
          sql.raw("(SELECT CASE WHEN count(*) > ")
              .raw(Long.toString(upTo.threshold()))
              .raw(" THEN NULL ELSE count(*) END FROM (")
              .append(TreeSql.countable(root))
              .raw(" LIMIT ")
              .raw(Long.toString(upTo.threshold() + 1))
              .raw(") AS _c)");
    }
  }
}
