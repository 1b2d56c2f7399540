package dev.tusk.rest.query;

import java.util.List;
import java.util.Optional;

/**
 * The main statement of INSERT, UPDATE, PUT and DELETE: the mutation in the {@code pgrst_source}
 * CTE, then (for a representation) the requested select and embeds over the returned rows in {@code
 * pgrst_body}. {@code page_total} is always the number of rows the mutation touched.
 */
public final class WriteStatement {

  /** The CTE holding the representation's rows. */
  public static final String BODY = "pgrst_body";

  private WriteStatement() {}

  /**
   * @param representation the read over the returned rows (source {@code Cte(pgrst_source)}), for
   *     return=representation; requires {@link Returning.Rows}
   */
  public static SqlStatement main(
      Mutation mutation, Returning returning, Optional<ReadTree> representation, Body body) {
    Sql sql = new Sql().raw("WITH ");
    MutationSql.render(sql, mutation, returning, ReadStatement.ROWS);
    if (representation.isPresent()) {
      sql.raw(", ").ident(BODY).raw(" AS (").append(TreeSql.select(representation.get()));
      sql.raw(") SELECT NULL::bigint AS total, (SELECT count(*) FROM ").ident(ReadStatement.ROWS);
      sql.raw(") AS page_total, ");
      BodySql.render(sql, body, BODY);
      sql.raw(" AS body, NULL::text AS location, ");
      ReadStatement.gucsBefore(sql);
      inserted(sql, mutation);
      return sql.raw(" FROM ").ident(BODY).raw(" AS _t").statement();
    }
    sql.raw(" SELECT NULL::bigint AS total, count(*) AS page_total, NULL::text AS body, ");
    location(sql, returning);
    sql.raw(" AS location, ");
    ReadStatement.gucsBefore(sql);
    inserted(sql, mutation);
    return sql.raw(" FROM ").ident(ReadStatement.ROWS).raw(" AS _t").statement();
  }

  /** How many rows a merging insert added; NULL when the mutation does not track it. */
  private static void inserted(Sql sql, Mutation mutation) {
    if (MutationSql.tracksInserts(mutation)) {
      sql.raw(", (SELECT count(*) FROM ").ident(MutationSql.UPSERT);
      sql.raw(" WHERE ").ident(MutationSql.INSERTED).raw(") AS inserted");
    } else {
      sql.raw(", NULL::bigint AS inserted");
    }
  }

  /** {@code id=eq.42[&k=eq.v]} for the first returned row, from its key columns. */
  private static void location(Sql sql, Returning returning) {
    if (!(returning instanceof Returning.Keys keys) || keys.columns().isEmpty()) {
      sql.raw("NULL::text");
      return;
    }
    List<String> columns = keys.columns();
    sql.raw("(array_agg(concat_ws('&', ");
    sql.join(
        columns, ", ", (s, c) -> s.param(c).raw("::text || '=eq.' || _t.").ident(c).raw("::text"));
    sql.raw(")))[1]");
  }
}
