package dev.tusk.rest.schema;

import dev.tusk.rest.schema.Catalog.ColumnRow;
import dev.tusk.rest.schema.Catalog.Key;
import dev.tusk.rest.schema.Catalog.Relation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the rows of one catalog read into a {@link SchemaCache}: columns into tables, keys into
 * primary keys (a view's inferred from its base table), foreign keys and view definitions into
 * relationships. Pure; the order of everything is the catalog's, so two loads of the same database
 * build equal caches.
 */
final class CacheBuilder {

  private CacheBuilder() {}

  static SchemaCache build(Catalog catalog, Instant loadedAt, Duration loadDuration) {
    Map<Long, Map<Integer, String>> columnNames = new HashMap<>();
    Map<Long, List<Column>> columns = new HashMap<>();
    catalog.columns().stream()
        .sorted(Comparator.comparingLong(ColumnRow::relid).thenComparingInt(ColumnRow::attnum))
        .forEach(
            c -> {
              columnNames
                  .computeIfAbsent(c.relid(), k -> new LinkedHashMap<>())
                  .put(c.attnum(), c.column().name());
              columns.computeIfAbsent(c.relid(), k -> new ArrayList<>()).add(c.column());
            });
    Map<Long, List<Integer>> primaryKeys = new HashMap<>();
    Map<Long, List<Set<Integer>>> uniqueKeys = new HashMap<>();
    for (Key k : catalog.keys()) {
      if (k.primary()) {
        primaryKeys.put(k.relid(), k.attnums());
      }
      uniqueKeys.computeIfAbsent(k.relid(), x -> new ArrayList<>()).add(Set.copyOf(k.attnums()));
    }
    Map<Long, Map<Integer, ColumnOrigin>> origins = ViewOrigins.resolve(catalog.viewColumns());

    Map<Long, QualifiedName> exposedNames = new LinkedHashMap<>();
    Map<Long, List<Exposure>> exposures = new HashMap<>();
    List<Table> tables = new ArrayList<>();
    List<Relation> relations =
        catalog.relations().stream().sorted(Comparator.comparing(Relation::name)).toList();
    for (Relation r : relations) {
      exposedNames.put(r.oid(), r.name());
      Map<Integer, String> names = columnNames.getOrDefault(r.oid(), Map.of());
      List<String> primaryKey;
      if (r.kind().isView()) {
        Map<Integer, ColumnOrigin> viewOrigins = origins.getOrDefault(r.oid(), Map.of());
        primaryKey = ViewKeys.infer(viewOrigins, names, primaryKeys);
        addViewExposures(r.name(), viewOrigins, names, exposures);
      } else {
        primaryKey = primaryKeys.getOrDefault(r.oid(), List.of()).stream().map(names::get).toList();
        exposures
            .computeIfAbsent(r.oid(), k -> new ArrayList<>())
            .add(0, new Exposure(r.name(), true, names));
      }
      int flags = r.updatableFlags();
      tables.add(
          new Table(
              r.name(),
              r.kind(),
              columns.getOrDefault(r.oid(), List.of()),
              primaryKey,
              (flags & 8) != 0,
              (flags & 4) != 0,
              (flags & 16) != 0,
              r.rlsEnabled(),
              r.description()));
    }
    List<Relationship> relationships =
        new RelationshipDeriver(exposedNames, exposures, primaryKeys, uniqueKeys)
            .derive(
                catalog.foreignKeys().stream()
                    .sorted(
                        Comparator.comparing(Catalog.ForeignKey::constraint)
                            .thenComparing(Catalog.ForeignKey::fromName))
                    .toList(),
                catalog.routines());
    List<Routine> routines = catalog.routines().stream().map(Catalog.RoutineRow::routine).toList();
    List<String> warnings =
        catalog.unreadableViews().stream()
            .sorted()
            .map(
                oid ->
                    "could not read the definition of "
                        + (exposedNames.containsKey(oid)
                            ? "view " + exposedNames.get(oid)
                            : "the view with OID " + oid)
                        + ", so no relationships go through it")
            .toList();
    return new SchemaCache(
            catalog.schemas(), tables, routines, relationships, loadedAt, loadDuration, warnings)
        .withTimezones(catalog.timezones())
        .withSuperusers(catalog.superusers());
  }

  /** One exposure per base table the view shows columns of; the first view column wins. */
  private static void addViewExposures(
      QualifiedName view,
      Map<Integer, ColumnOrigin> viewOrigins,
      Map<Integer, String> names,
      Map<Long, List<Exposure>> exposures) {
    Map<Long, Map<Integer, String>> byBase = new LinkedHashMap<>();
    viewOrigins.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              String name = names.get(e.getKey());
              if (name != null) {
                byBase
                    .computeIfAbsent(e.getValue().relid(), k -> new LinkedHashMap<>())
                    .putIfAbsent(e.getValue().attnum(), name);
              }
            });
    byBase.forEach(
        (base, cols) ->
            exposures
                .computeIfAbsent(base, k -> new ArrayList<>())
                .add(new Exposure(view, true, cols)));
  }
}
