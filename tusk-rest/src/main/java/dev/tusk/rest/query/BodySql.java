package dev.tusk.rest.query;

/** Renders a {@link Body} as an aggregate over the rows {@code _t} of the CTE {@code rows}. */
final class BodySql {

  private BodySql() {}

  static void render(Sql sql, Body body, String rows) {
    switch (body) {
      case Body.JsonArray a ->
          sql.raw(
              a.stripNulls()
                  ? "coalesce(json_agg(json_strip_nulls(row_to_json(_t))), '[]')::text"
                  : "coalesce(json_agg(_t), '[]')::text");
      case Body.JsonObject o ->
          sql.raw(
              o.stripNulls()
                  ? "coalesce(json_strip_nulls(json_agg(_t)->0), 'null')::text"
                  : "coalesce(json_agg(_t)->0, 'null')::text");
      case Body.Csv csv -> csv(sql, rows);
      case Body.GeoJson geo ->
          sql.raw(
              "json_build_object('type', 'FeatureCollection', 'features',"
                  + " coalesce(json_agg(ST_AsGeoJSON(_t)::json), '[]'))::text");
      case Body.ScalarArray s ->
          sql.raw("coalesce(json_agg(_t.").ident(s.column()).raw("), '[]')::text");
      case Body.ScalarValue s ->
          sql.raw("coalesce(json_agg(_t.").ident(s.column()).raw(")->0, 'null')::text");
      case Body.None none -> sql.raw("NULL::text");
    }
  }

  /**
   * The header is the first row's keys (none when there are no rows); each line is the row's
   * composite text form without its parentheses, so values are quoted and escaped as PostgreSQL
   * quotes record fields and NULL is empty.
   */
  private static void csv(Sql sql, String rows) {
    sql.raw(
            "(SELECT coalesce(string_agg(_k, ','), '') FROM json_object_keys((SELECT row_to_json(_h)")
        .raw(" FROM ")
        .ident(rows)
        .raw(" AS _h LIMIT 1)) AS _k) || chr(10) ||")
        .raw(" coalesce(string_agg(substr(_t::text, 2, length(_t::text) - 2), chr(10)), '')");
  }
}
