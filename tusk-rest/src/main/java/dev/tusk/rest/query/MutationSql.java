package dev.tusk.rest.query;

import java.util.List;

/**
 * Renders a {@link Mutation} as CTEs ending in one named {@code rows}. An insert that merges on
 * conflict first returns, in {@link #UPSERT}, each row with whether it is new ({@code xmax = 0}),
 * and {@code rows} projects the row back out of it.
 */
final class MutationSql {

  /** For an insert that merges on conflict: the returned rows, each with {@link #INSERTED}. */
  static final String UPSERT = "pgrst_upsert";

  /** The boolean column of {@link #UPSERT}: the row was inserted, not updated. */
  static final String INSERTED = "pgrst_inserted";

  private static final String ROW = "pgrst_row";

  private MutationSql() {}

  /** Whether {@link #render} leaves {@link #UPSERT} behind for counting the inserted rows. */
  static boolean tracksInserts(Mutation m) {
    return m instanceof Mutation.Insert i
        && i.onConflict().filter(Mutation.OnConflict::merge).isPresent();
  }

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
    boolean track = tracksInserts(insert);
    String target = track ? UPSERT : rows;
    List<Mutation.Batch> batches = insert.batches();
    if (batches.size() == 1) {
      sql.ident(target).raw(" AS (");
      batch(sql, insert, batches.get(0), returning, track);
      sql.raw(")");
    } else {
      for (int i = 0; i < batches.size(); i++) {
        sql.ident(target + "_" + (i + 1)).raw(" AS (");
        batch(sql, insert, batches.get(i), returning, track);
        sql.raw("), ");
      }
      sql.ident(target).raw(" AS (");
      for (int i = 0; i < batches.size(); i++) {
        sql.raw(i > 0 ? " UNION ALL " : "").raw("SELECT * FROM ").ident(target + "_" + (i + 1));
      }
      sql.raw(")");
    }
    if (track) {
      sql.raw(", ").ident(rows).raw(" AS (SELECT ");
      switch (returning) {
        case Returning.Rows r -> sql.raw("(").ident(ROW).raw(").*");
        case Returning.Keys k when !k.columns().isEmpty() ->
            sql.join(k.columns(), ", ", Sql::ident);
        default -> sql.raw("1");
      }
      sql.raw(" FROM ").ident(UPSERT).raw(")");
    }
  }

  private static void batch(
      Sql sql, Mutation.Insert insert, Mutation.Batch batch, Returning returning, boolean track) {
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
    if (!track) {
      returning(sql, insert.alias(), returning);
      return;
    }
    // The whole row, so that a representation's * sees the table's columns and nothing more.
    sql.raw(" RETURNING ");
    switch (returning) {
      case Returning.Rows r -> sql.ident(insert.alias()).raw(" AS ").ident(ROW);
      case Returning.Keys k when !k.columns().isEmpty() ->
          sql.join(k.columns(), ", ", (s, c) -> s.column(insert.alias(), c));
      default -> sql.raw("1 AS ").ident(ROW);
    }
    sql.raw(", (").ident(insert.alias()).raw(".xmax = 0) AS ").ident(INSERTED);
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
