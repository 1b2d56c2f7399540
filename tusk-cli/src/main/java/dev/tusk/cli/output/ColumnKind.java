package dev.tusk.cli.output;

import java.util.Locale;

/**
 * What a column's text values mean, as far as output formatting cares: numbers are right-aligned in
 * a table and written as JSON numbers, booleans as JSON booleans, json/jsonb values embedded as
 * JSON. Everything else is text. The kind is a hint only: a value that does not parse as its kind
 * (a numeric {@code NaN}, a {@code money} amount) is still printed, as text.
 */
public enum ColumnKind {
  TEXT,
  NUMBER,
  BOOLEAN,
  JSON;

  /**
   * The kind for a PostgreSQL type name as pgjdbc's {@code ResultSetMetaData.getColumnTypeName}
   * reports it ({@code int4}, {@code bool}, {@code jsonb}, and {@code serial}/{@code bigserial} for
   * integer columns with a sequence default). Unknown names, arrays and domains are text.
   */
  public static ColumnKind ofPostgresType(String typeName) {
    if (typeName == null) {
      return TEXT;
    }
    return switch (typeName.toLowerCase(Locale.ROOT)) {
      case "int2",
          "int4",
          "int8",
          "smallint",
          "integer",
          "bigint",
          "smallserial",
          "serial",
          "bigserial",
          "float4",
          "float8",
          "real",
          "double precision",
          "numeric",
          "decimal",
          "oid" ->
          NUMBER;
      case "bool", "boolean" -> BOOLEAN;
      case "json", "jsonb" -> JSON;
      default -> TEXT;
    };
  }
}
