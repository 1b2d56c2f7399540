package dev.tusk.rest.schema;

import dev.tusk.rest.schema.Catalog.ForeignKey;
import dev.tusk.rest.schema.Catalog.RoutineRow;
import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Derives every relationship from the foreign keys, the views' column origins and the functions.
 *
 * <ul>
 *   <li>Each foreign key gives a many-to-one (one-to-one when its columns are exactly a unique or
 *       primary key) and the reverse one-to-many, between every pair of exposed relations that show
 *       the key's columns: the tables themselves and views over them.
 *   <li>A relation whose primary key contains the columns of two different foreign keys is a
 *       junction: it gives a many-to-many between the two referenced relations, both ways. A
 *       junction outside the exposed schemas counts too (PostgREST never queries it directly),
 *       unless an exposed view over it serves the same purpose.
 *   <li>A function {@code f(a) RETURNS [SETOF] b} with {@code a} and {@code b} exposed is a
 *       computed relationship {@code a → b} named {@code f}.
 * </ul>
 */
final class RelationshipDeriver {

  private record Edge(Exposure junction, ForeignKey key, ForeignKeyRel rel) {}

  private final Map<Long, QualifiedName> exposedNames;
  private final Map<Long, List<Exposure>> exposures;
  private final Map<Long, List<Integer>> primaryKeys;
  private final Map<Long, List<Set<Integer>>> uniqueKeys;

  /**
   * @param exposures per table OID, the exposed relations that show its columns (itself first)
   * @param uniqueKeys per table OID, the column sets of its primary and unique keys
   */
  RelationshipDeriver(
      Map<Long, QualifiedName> exposedNames,
      Map<Long, List<Exposure>> exposures,
      Map<Long, List<Integer>> primaryKeys,
      Map<Long, List<Set<Integer>>> uniqueKeys) {
    this.exposedNames = exposedNames;
    this.exposures = exposures;
    this.primaryKeys = primaryKeys;
    this.uniqueKeys = uniqueKeys;
  }

  List<Relationship> derive(List<ForeignKey> keys, List<RoutineRow> routines) {
    List<Relationship> out = new ArrayList<>();
    Map<QualifiedName, List<Edge>> byJunction = new LinkedHashMap<>();
    for (ForeignKey key : keys) {
      boolean oneToOne =
          uniqueKeys
              .getOrDefault(key.fromRelid(), List.of())
              .contains(Set.copyOf(key.fromAttnums()));
      Cardinality cardinality = oneToOne ? Cardinality.ONE_TO_ONE : Cardinality.MANY_TO_ONE;
      for (Exposure from : fromSides(key)) {
        List<String> fromColumns = from.cover(key.fromAttnums()).orElseThrow();
        for (Exposure to : exposures.getOrDefault(key.toRelid(), List.of())) {
          Optional<List<String>> toColumns = to.cover(key.toAttnums());
          if (toColumns.isEmpty()) {
            continue;
          }
          ForeignKeyRel rel =
              new ForeignKeyRel(
                  from.relation(),
                  fromColumns,
                  to.relation(),
                  toColumns.get(),
                  key.constraint(),
                  cardinality,
                  true);
          if (from.exposed()) {
            out.add(rel);
            out.add(rel.reversed());
          }
          byJunction
              .computeIfAbsent(from.relation(), k -> new ArrayList<>())
              .add(new Edge(from, key, rel));
        }
      }
    }
    byJunction.values().forEach(edges -> manyToMany(edges, out));
    computed(routines, out);
    return out;
  }

  /** The relations showing all of the key's own columns; a hidden table stands in for itself. */
  private List<Exposure> fromSides(ForeignKey key) {
    List<Exposure> sides = new ArrayList<>();
    for (Exposure e : exposures.getOrDefault(key.fromRelid(), List.of())) {
      if (e.cover(key.fromAttnums()).isPresent()) {
        sides.add(e);
      }
    }
    if (!exposedNames.containsKey(key.fromRelid())) {
      Map<Integer, String> own = new LinkedHashMap<>();
      for (int i = 0; i < key.fromAttnums().size(); i++) {
        own.put(key.fromAttnums().get(i), key.fromColumns().get(i));
      }
      sides.add(new Exposure(key.fromName(), false, own));
    }
    return sides;
  }

  private void manyToMany(List<Edge> edges, List<Relationship> out) {
    for (Edge a : edges) {
      for (Edge b : edges) {
        if (a.key().constraint().equals(b.key().constraint())
            || a.key().fromRelid() != b.key().fromRelid()
            || !isJunction(a.key(), b.key())
            || shadowedByView(a, b)) {
          continue;
        }
        out.add(
            new Relationship.ManyToMany(
                a.rel().to(), a.junction().relation(), b.rel().to(), a.rel(), b.rel()));
      }
    }
  }

  private boolean isJunction(ForeignKey a, ForeignKey b) {
    List<Integer> pk = primaryKeys.getOrDefault(a.fromRelid(), List.of());
    return pk.containsAll(a.fromAttnums()) && pk.containsAll(b.fromAttnums());
  }

  /** A hidden junction gives way to an exposed view over it that shows both keys. */
  private boolean shadowedByView(Edge a, Edge b) {
    if (a.junction().exposed()) {
      return false;
    }
    Set<Integer> both = new HashSet<>(a.key().fromAttnums());
    both.addAll(b.key().fromAttnums());
    List<Integer> needed = List.copyOf(both);
    return exposures.getOrDefault(a.key().fromRelid(), List.of()).stream()
        .anyMatch(e -> e.exposed() && e.cover(needed).isPresent());
  }

  private void computed(List<RoutineRow> routines, List<Relationship> out) {
    for (RoutineRow row : routines) {
      Routine r = row.routine();
      List<RoutineParam> inputs = r.inputs();
      if (inputs.size() != 1 || !(r.returns() instanceof RoutineReturn.Composite)) {
        continue;
      }
      int input = 0;
      while (!r.params().get(input).mode().isInput()) {
        input++;
      }
      QualifiedName from = exposedNames.get(row.paramRelids().get(input));
      QualifiedName to = exposedNames.get(row.returnRelid());
      if (from != null && to != null) {
        boolean toOne = !r.returns().setOf() || row.rows() == 1;
        out.add(new Relationship.Computed(from, r.name(), to, toOne));
      }
    }
  }
}
