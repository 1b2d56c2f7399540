package dev.tusk.rest.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link Catalog} by hand, the way the catalogs would describe a schema, so the derivation
 * ({@link CacheBuilder}) is tested without a server. Names are {@code schema.name}; columns are
 * integers unless a test needs otherwise.
 */
final class TestCatalog {

  private long nextOid = 1000;
  private final Map<String, Long> oids = new HashMap<>();
  private final Map<String, List<String>> columnsOf = new HashMap<>();
  private final List<Catalog.Relation> relations = new ArrayList<>();
  private final List<Catalog.ColumnRow> columns = new ArrayList<>();
  private final List<Catalog.Key> keys = new ArrayList<>();
  private final List<Catalog.ForeignKey> foreignKeys = new ArrayList<>();
  private final Map<Long, Map<Integer, ColumnOrigin>> views = new HashMap<>();
  private final List<Catalog.RoutineRow> routines = new ArrayList<>();
  private final Set<Long> unreadable = new java.util.HashSet<>();

  static QualifiedName qn(String dotted) {
    int dot = dotted.indexOf('.');
    return new QualifiedName(dotted.substring(0, dot), dotted.substring(dot + 1));
  }

  /** An exposed table. */
  TestCatalog table(String name, String... cols) {
    return relation(name, RelationKind.TABLE, true, cols);
  }

  /** A table outside the exposed schemas: the catalogs report its keys, not its columns. */
  TestCatalog hidden(String name, String... cols) {
    long oid = nextOid++;
    oids.put(name, oid);
    columnsOf.put(name, List.of(cols));
    return this;
  }

  TestCatalog rls(String name) {
    for (int i = 0; i < relations.size(); i++) {
      Catalog.Relation r = relations.get(i);
      if (r.name().equals(qn(name))) {
        relations.set(
            i,
            new Catalog.Relation(
                r.oid(), r.name(), r.kind(), true, r.updatableFlags(), r.description()));
      }
    }
    return this;
  }

  private TestCatalog relation(String name, RelationKind kind, boolean exposed, String... cols) {
    long oid = nextOid++;
    oids.put(name, oid);
    columnsOf.put(name, List.of(cols));
    relations.add(
        new Catalog.Relation(oid, qn(name), kind, false, kind.isView() ? 0 : 28, Optional.empty()));
    for (int i = 0; i < cols.length; i++) {
      columns.add(new Catalog.ColumnRow(oid, i + 1, Column.of(cols[i], "integer")));
    }
    return this;
  }

  /**
   * A view; each entry maps a view column to {@code schema.table.column} it shows, or to null for
   * an expression.
   */
  TestCatalog view(String name, Map<String, String> shows) {
    relation(name, RelationKind.VIEW, true, shows.keySet().toArray(String[]::new));
    Map<Integer, ColumnOrigin> origins = new LinkedHashMap<>();
    int attnum = 1;
    for (Map.Entry<String, String> e : shows.entrySet()) {
      if (e.getValue() != null) {
        int dot = e.getValue().lastIndexOf('.');
        String rel = e.getValue().substring(0, dot);
        origins.put(
            attnum, new ColumnOrigin(oid(rel), attnum(rel, e.getValue().substring(dot + 1))));
      }
      attnum++;
    }
    views.put(oid(name), origins);
    return this;
  }

  /** A view whose stored query the reader could not parse (or a hidden one, by OID). */
  TestCatalog unreadableView(String name) {
    relation(name, RelationKind.VIEW, true, "id");
    views.put(oid(name), Map.of());
    unreadable.add(oid(name));
    return this;
  }

  TestCatalog unreadableHiddenView(long oid) {
    unreadable.add(oid);
    return this;
  }

  TestCatalog primaryKey(String name, String... cols) {
    keys.add(new Catalog.Key(oid(name), true, attnums(name, List.of(cols))));
    return this;
  }

  TestCatalog unique(String name, String... cols) {
    keys.add(new Catalog.Key(oid(name), false, attnums(name, List.of(cols))));
    return this;
  }

  TestCatalog foreignKey(
      String constraint, String from, List<String> fromCols, String to, List<String> toCols) {
    foreignKeys.add(
        new Catalog.ForeignKey(
            constraint,
            oid(from),
            qn(from),
            attnums(from, fromCols),
            fromCols,
            oid(to),
            qn(to),
            attnums(to, toCols),
            toCols));
    return this;
  }

  TestCatalog foreignKey(String constraint, String from, String fromCol, String to, String toCol) {
    return foreignKey(constraint, from, List.of(fromCol), to, List.of(toCol));
  }

  /** A function; {@code paramRelations} names, per parameter, the relation whose row it takes. */
  TestCatalog routine(Routine r, List<String> paramRelations, String returnRelation, double rows) {
    List<Long> relids = paramRelations.stream().map(n -> n == null ? 0L : oid(n)).toList();
    routines.add(
        new Catalog.RoutineRow(r, relids, returnRelation == null ? 0 : oid(returnRelation), rows));
    return this;
  }

  long oid(String name) {
    Long oid = oids.get(name);
    if (oid == null) {
      throw new IllegalArgumentException("no relation " + name);
    }
    return oid;
  }

  private int attnum(String rel, String col) {
    int i = columnsOf.get(rel).indexOf(col);
    if (i < 0) {
      throw new IllegalArgumentException("no column " + rel + "." + col);
    }
    return i + 1;
  }

  private List<Integer> attnums(String rel, List<String> cols) {
    return cols.stream().map(c -> attnum(rel, c)).toList();
  }

  Catalog catalog(List<String> schemas) {
    return new Catalog(
        schemas,
        relations,
        columns,
        keys,
        foreignKeys,
        views,
        unreadable,
        routines,
        Set.of(),
        Set.of());
  }

  SchemaCache build(String... schemas) {
    return CacheBuilder.build(catalog(List.of(schemas)), Instant.EPOCH, Duration.ZERO);
  }
}
