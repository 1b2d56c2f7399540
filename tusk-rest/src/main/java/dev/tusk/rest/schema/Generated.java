package dev.tusk.rest.schema;

/**
 * How PostgreSQL fills a column by itself. Writes must leave {@code IDENTITY_ALWAYS}, {@code
 * STORED} and {@code VIRTUAL} columns alone (PostgreSQL rejects values for them).
 */
public enum Generated {
  NONE,
  IDENTITY_ALWAYS,
  IDENTITY_BY_DEFAULT,
  STORED,
  VIRTUAL;

  static Generated of(String attidentity, String attgenerated) {
    if ("a".equals(attidentity)) {
      return IDENTITY_ALWAYS;
    }
    if ("d".equals(attidentity)) {
      return IDENTITY_BY_DEFAULT;
    }
    if ("s".equals(attgenerated)) {
      return STORED;
    }
    if ("v".equals(attgenerated)) {
      return VIRTUAL;
    }
    return NONE;
  }
}
