package dev.tusk.rest.query;

/** How PostgreSQL renders the response body from the rows of a result ({@code _t}). */
public sealed interface Body {

  /** {@code [...]}, {@code []} for no rows; optionally without null-valued keys. */
  record JsonArray(boolean stripNulls) implements Body {}

  /** The first row as an object ({@code null} for none): singular and single-row functions. */
  record JsonObject(boolean stripNulls) implements Body {}

  /** PostgREST's CSV: a header of the first row's keys, then one line per row. */
  record Csv() implements Body {}

  /** A FeatureCollection of the rows, through PostGIS's {@code ST_AsGeoJSON(record)}. */
  record GeoJson() implements Body {}

  /** The values of one column as a JSON array: functions returning SETOF a scalar. */
  record ScalarArray(String column) implements Body {}

  /** The value of one column of the first row as JSON: functions returning one scalar. */
  record ScalarValue(String column) implements Body {}

  /** No body at all (HEAD, return=minimal, void functions). */
  record None() implements Body {}
}
