package dev.tusk.rest.schema;

/**
 * {@code pg_proc.provolatile}. PostgREST runs GET calls in a read-only transaction, so a volatile
 * function called by GET fails in PostgreSQL, not here.
 */
public enum Volatility {
  IMMUTABLE,
  STABLE,
  VOLATILE;

  static Volatility fromProvolatile(String v) {
    return switch (v) {
      case "i" -> IMMUTABLE;
      case "s" -> STABLE;
      case "v" -> VOLATILE;
      default -> throw new IllegalArgumentException("unknown provolatile: " + v);
    };
  }
}
