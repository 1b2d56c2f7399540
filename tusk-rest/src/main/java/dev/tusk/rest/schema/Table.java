package dev.tusk.rest.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table, view, materialized view, foreign table or partitioned table in an exposed schema.
 *
 * @param columns in {@code attnum} order
 * @param primaryKey the key's column names in key order; for a view, the base table's key when the
 *     view exposes every key column (else empty)
 * @param insertable from {@code pg_relation_is_updatable} (views count INSTEAD OF triggers)
 * @param rlsEnabled whether row level security is enabled on the table (never on views)
 */
public record Table(
    QualifiedName name,
    RelationKind kind,
    List<Column> columns,
    List<String> primaryKey,
    boolean insertable,
    boolean updatable,
    boolean deletable,
    boolean rlsEnabled,
    Optional<String> description) {

  public Table {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    Objects.requireNonNull(description, "description");
  }

  public Optional<Column> column(String columnName) {
    for (Column c : columns) {
      if (c.name().equals(columnName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }
}
