package dev.tusk.rest.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * A schema-qualified name of a table, view, type or function, verbatim as the catalogs spell it
 * (case, spaces, quotes and all). {@link #toString()} is PostgREST's {@code schema.name} form used
 * in messages; {@link #quoted()} is the SQL identifier form.
 */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

  private static final Comparator<QualifiedName> ORDER =
      Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

  public QualifiedName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
  }

  public static QualifiedName of(String schema, String name) {
    return new QualifiedName(schema, name);
  }

  /** {@code "schema"."name"}, each part double-quoted with embedded quotes doubled. */
  public String quoted() {
    return quote(schema) + "." + quote(name);
  }

  /** One SQL identifier, double-quoted with embedded quotes doubled. */
  public static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public int compareTo(QualifiedName other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return schema + "." + name;
  }
}
