package dev.tusk.rest.schema;

import java.util.List;

/**
 * How a call passes its arguments, which decides the functions it can match: named arguments (query
 * string or JSON object keys), or a whole body for a function with one unnamed parameter of the
 * body's type ({@code json}/{@code jsonb}, {@code text}, {@code xml}, {@code bytea}).
 */
public enum RpcPayload {
  /** GET or HEAD: arguments are query parameters. */
  QUERY,
  /** POST with a JSON object: its keys, or the whole body for one unnamed json/jsonb parameter. */
  JSON,
  /** POST text/plain: one unnamed text parameter. */
  TEXT,
  /** POST text/xml: one unnamed xml parameter. */
  XML,
  /** POST application/octet-stream: one unnamed bytea parameter. */
  BINARY;

  /** The type names a single unnamed parameter must have to take the whole body, if any. */
  List<String> wholeBodyTypes() {
    return switch (this) {
      case QUERY -> List.of();
      case JSON -> List.of("json", "jsonb");
      case TEXT -> List.of("text");
      case XML -> List.of("xml");
      case BINARY -> List.of("bytea");
    };
  }
}
