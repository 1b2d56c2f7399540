package dev.tusk.migrate.lint;

/**
 * A table or function resolved to its schema: both parts exactly as PostgreSQL stores them
 * (unquoted names folded, quoted ones kept), so {@code Items}, {@code items} and {@code "items"}
 * are one table and {@code "Items"} another.
 */
record ObjectName(String schema, String name) {

  /** {@code schema.name}, each part quoted when it needs to be. */
  @Override
  public String toString() {
    return Names.show(schema) + "." + Names.show(name);
  }
}
