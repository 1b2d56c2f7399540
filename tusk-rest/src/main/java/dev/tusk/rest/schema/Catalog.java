package dev.tusk.rest.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog rows one load read, as plain values keyed by OID and attribute number, before any
 * derivation. {@link CatalogReader} fills it (the only I/O); {@link CacheBuilder} turns it into a
 * {@link SchemaCache} (pure, so unit tests build catalogs by hand).
 *
 * @param relations the tables and views of the exposed schemas
 * @param columns the columns of {@code relations}
 * @param keys primary and unique keys of every user table, exposed or not (junctions may hide)
 * @param foreignKeys every user foreign key (not the per-partition copies)
 * @param viewColumns for every view read (exposed ones and the views they are built on), each view
 *     column's direct origin, which may itself be a view column
 * @param unreadableViews views whose stored query could not be parsed (they get no relationships)
 * @param routines the functions of the exposed schemas
 * @param timezones the names in {@code pg_timezone_names}, which {@code Prefer: timezone} may name
 * @param superusers the roles with {@code rolsuper}, which no token may name
 */
record Catalog(
    List<String> schemas,
    List<Relation> relations,
    List<ColumnRow> columns,
    List<Key> keys,
    List<ForeignKey> foreignKeys,
    Map<Long, Map<Integer, ColumnOrigin>> viewColumns,
    Set<Long> unreadableViews,
    List<RoutineRow> routines,
    Set<String> timezones,
    Set<String> superusers) {

  Catalog {
    schemas = List.copyOf(schemas);
    relations = List.copyOf(relations);
    columns = List.copyOf(columns);
    keys = List.copyOf(keys);
    foreignKeys = List.copyOf(foreignKeys);
    viewColumns = Map.copyOf(viewColumns);
    unreadableViews = Set.copyOf(unreadableViews);
    routines = List.copyOf(routines);
    timezones = Set.copyOf(timezones);
    superusers = Set.copyOf(superusers);
  }

  /** {@code updatableFlags} is {@code pg_relation_is_updatable}: 4 update, 8 insert, 16 delete. */
  record Relation(
      long oid,
      QualifiedName name,
      RelationKind kind,
      boolean rlsEnabled,
      int updatableFlags,
      Optional<String> description) {}

  record ColumnRow(long relid, int attnum, Column column) {}

  record Key(long relid, boolean primary, List<Integer> attnums) {
    Key {
      attnums = List.copyOf(attnums);
    }
  }

  record ForeignKey(
      String constraint,
      long fromRelid,
      QualifiedName fromName,
      List<Integer> fromAttnums,
      List<String> fromColumns,
      long toRelid,
      QualifiedName toName,
      List<Integer> toAttnums,
      List<String> toColumns) {
    ForeignKey {
      fromAttnums = List.copyOf(fromAttnums);
      fromColumns = List.copyOf(fromColumns);
      toAttnums = List.copyOf(toAttnums);
      toColumns = List.copyOf(toColumns);
    }
  }

  /**
   * @param paramRelids per parameter (same order as {@code routine.params()}), the relation whose
   *     row type it is, or 0
   * @param returnRelid the relation whose row type the function returns, or 0
   * @param rows the planner's row estimate ({@code prorows}); 1 marks a to-one computed
   *     relationship
   */
  record RoutineRow(Routine routine, List<Long> paramRelids, long returnRelid, double rows) {
    RoutineRow {
      paramRelids = List.copyOf(paramRelids);
    }
  }
}
