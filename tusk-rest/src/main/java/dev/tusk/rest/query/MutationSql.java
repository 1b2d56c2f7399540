package dev.tusk.rest.query;

import java.util.List;

/** Renders a {@link Mutation} as CTEs ending in one named {@code rows}. */
final class MutationSql {

  private MutationSql() {}

  static void render(Sql sql, Mutation m, Returning returning, String rows) {
    switch (m) {
      case Mutation.Insert insert -> insert(sql, insert, returning, rows);
      case Mutation.Update update -> {
        sql.ident(rows).raw(" AS (");
        update(sql, update);
        returning(sql, m.alias(), returning);
        sql.raw(")");
      }
      case Mutation.Nothing nothing -> {
        sql.ident(rows).raw(" AS (SELECT ");
        switch (returning) {
          case Returning.Rows r -> sql.ident(nothing.alias()).raw(".*");
          case Returning.Keys k when !k.columns().isEmpty() ->
              sql.join(k.columns(), ", ", (s, c) -> s.column(nothing.alias(), c));
          default -> sql.raw("1");
        }
        sql.raw(" FROM ").qualified(nothing.table()).raw(" AS ").ident(nothing.alias());
        sql.raw(" WHERE FALSE)");
      }
      case Mutation.Delete delete -> {
        sql.ident(rows).raw(" AS (DELETE FROM ").qualified(delete.table()).raw(" AS ");
        sql.ident(delete.alias());
        where(sql, delete.conditions());
        returning(sql, m.alias(), returning);
        sql.raw(")");
      }
    }
  }

  private static void insert(Sql sql, Mutation.Insert insert, Returning returning, String rows) {
    List<Mutation.Batch> batches = insert.batches();
    if (batches.size() == 1) {
      sql.ident(rows).raw(" AS (");
      batch(sql, insert, batches.get(0), returning);
      sql.raw(")");
      return;
    }
    for (int i = 0; i < batches.size(); i++) {
      sql.ident(rows + "_" + (i + 1)).raw(" AS (");
      batch(sql, insert, batches.get(i), returning);
      sql.raw("), ");
    }
    sql.ident(rows).raw(" AS (");
    for (int i = 0; i < batches.size(); i++) {
      sql.raw(i > 0 ? " UNION ALL " : "").raw("SELECT * FROM ").ident(rows + "_" + (i + 1));
    }
    sql.raw(")");
  }

  private static void batch(
      Sql sql, Mutation.Insert insert, Mutation.Batch batch, Returning returning) {
    sql.raw("INSERT INTO ").qualified(insert.table()).raw(" AS ").ident(insert.alias());
    List<String> columns = batch.columns();
    if (columns.isEmpty()) {
      // every column takes its default, once per element of the array
      sql.raw(" SELECT FROM json_array_elements(").param(batch.json()).raw("::json)");
    } else {
      sql.raw(" (").join(columns, ", ", Sql::ident).raw(") SELECT ");
      sql.join(columns, ", ", (s, c) -> s.column(insert.bodyAlias(), c));
      sql.raw(" FROM json_populate_recordset(NULL::").qualified(insert.table()).raw(", ");
      sql.param(batch.json()).raw("::json) AS ").ident(insert.bodyAlias());
    }
    insert
        .onConflict()
        .ifPresent(
            c -> {
              sql.raw(" ON CONFLICT");
              if (!c.columns().isEmpty()) {
                sql.raw(" (").join(c.columns(), ", ", Sql::ident).raw(")");
              }
              if (c.merge() && !columns.isEmpty()) {
                sql.raw(" DO UPDATE SET ");
                sql.join(columns, ", ", (s, col) -> s.ident(col).raw(" = EXCLUDED.").ident(col));
              } else {
                sql.raw(" DO NOTHING");
              }
            });
    returning(sql, insert.alias(), returning);
  }

  private static void update(Sql sql, Mutation.Update u) {
    sql.raw("UPDATE ").qualified(u.table()).raw(" AS ").ident(u.alias()).raw(" SET ");
    sql.join(u.columns(), ", ", (s, c) -> s.ident(c).raw(" = ").column(u.bodyAlias(), c));
    sql.raw(" FROM (SELECT * FROM json_populate_recordset(NULL::").qualified(u.table());
    sql.raw(", ").param(u.json()).raw("::json) LIMIT 1) AS ").ident(u.bodyAlias());
    where(sql, u.conditions());
  }

  private static void where(Sql sql, List<Cond> conditions) {
    if (!conditions.isEmpty()) {
      sql.raw(" WHERE ");
      CondSql.all(sql, conditions);
    }
  }

  private static void returning(Sql sql, String alias, Returning returning) {
    switch (returning) {
      case Returning.Count c -> sql.raw(" RETURNING 1");
      case Returning.Keys k -> {
        if (k.columns().isEmpty()) {
          sql.raw(" RETURNING 1");
        } else {
          sql.raw(" RETURNING ").join(k.columns(), ", ", (s, c) -> s.column(alias, c));
        }
      }
      case Returning.Rows r -> sql.raw(" RETURNING ").ident(alias).raw(".*");
    }
  }
}
