package dev.tusk.rest.openapi;

import java.util.Optional;

/**
 * A PostgreSQL type name read the way PostgREST's OpenAPI output reads it: the name {@code
 * format_type} prints without type modifiers ({@code character varying(20)} is {@code character
 * varying}, {@code timestamp(3) with time zone} is {@code timestamp with time zone}; the length
 * goes to {@code maxLength} instead), and the JSON type a value of it is rendered as. Names with
 * double quotes (user types with odd names) are kept as they are, since a parenthesis there is part
 * of the name.
 */
record PgType(String name) {

  /** The JSON type of a value; {@link #ANY} for json/jsonb, which may hold any JSON value. */
  enum JsonType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    ARRAY("array"),
    ANY(null);

    private final String keyword;

    JsonType(String keyword) {
      this.keyword = keyword;
    }

    /** The {@code type} keyword, empty for {@link #ANY}. */
    Optional<String> keyword() {
      return Optional.ofNullable(keyword);
    }
  }

  static PgType of(String formatted) {
    return new PgType(formatted.indexOf('"') >= 0 ? formatted : stripTypmods(formatted));
  }

  private static String stripTypmods(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char ch = s.charAt(i);
      int close = ch == '(' ? typmodEnd(s, i) : -1;
      if (close < 0) {
        out.append(ch);
        i++;
      } else {
        i = close + 1;
      }
    }
    return out.toString();
  }

  /** The index of the ')' closing a typmod like (20) or (10,2) opened at {@code open}, or -1. */
  private static int typmodEnd(String s, int open) {
    int i = open + 1;
    boolean digit = false;
    while (i < s.length()) {
      char ch = s.charAt(i);
      if (ch >= '0' && ch <= '9') {
        digit = true;
      } else if (ch == ')') {
        return digit ? i : -1;
      } else if (ch != ',' && ch != ' ') {
        return -1;
      }
      i++;
    }
    return -1;
  }

  boolean isArray() {
    return name.endsWith("[]");
  }

  /** The element type of an array type (PostgreSQL prints every dimension count as one []). */
  PgType element() {
    return isArray() ? new PgType(name.substring(0, name.length() - 2)) : this;
  }

  JsonType jsonType() {
    return switch (name) {
      case "character varying", "character", "text" -> JsonType.STRING;
      case "boolean" -> JsonType.BOOLEAN;
      case "smallint", "integer", "bigint" -> JsonType.INTEGER;
      case "numeric", "real", "double precision" -> JsonType.NUMBER;
      case "json", "jsonb" -> JsonType.ANY;
      default -> isArray() ? JsonType.ARRAY : JsonType.STRING;
    };
  }

  /**
   * The OpenAPI 3.1 format: the registered one where a type has one (int32, int64, float, double,
   * uuid, date-time, date), else the PostgreSQL name, as PostgREST does for every type.
   */
  String standardFormat() {
    return switch (name) {
      case "smallint", "integer" -> "int32";
      case "bigint" -> "int64";
      case "real" -> "float";
      case "double precision" -> "double";
      case "uuid" -> "uuid";
      case "timestamp with time zone", "timestamp without time zone" -> "date-time";
      case "date" -> "date";
      default -> name;
    };
  }
}
