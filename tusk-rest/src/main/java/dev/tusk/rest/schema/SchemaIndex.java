package dev.tusk.rest.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The maps a {@link SchemaCache} answers from, built once and unmodifiable: tables and routines by
 * name (sorted, so listings are stable), relationships by the relation they start from. Each
 * refuses what would make a lookup lie: two tables of one name, a relationship to a relation the
 * cache does not hold.
 */
final class SchemaIndex {

  private SchemaIndex() {}

  static Map<QualifiedName, Table> tablesByName(
      Collection<Table> tables, Consumer<QualifiedName> check) {
    Map<QualifiedName, Table> byName = new TreeMap<>();
    for (Table t : tables) {
      check.accept(t.name());
      if (byName.put(t.name(), t) != null) {
        throw new IllegalArgumentException("two tables named " + t.name());
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  static Map<QualifiedName, List<Routine>> routinesByName(
      Collection<Routine> routines, Consumer<QualifiedName> check) {
    Map<QualifiedName, List<Routine>> byName = new TreeMap<>();
    for (Routine r : routines) {
      check.accept(r.name());
      byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
    }
    byName.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(byName);
  }

  static Map<QualifiedName, List<Relationship>> relationshipsByOrigin(
      Collection<Relationship> relationships, Set<QualifiedName> relations) {
    Map<QualifiedName, List<Relationship>> byOrigin = new LinkedHashMap<>();
    for (Relationship r : relationships) {
      if (!relations.contains(r.from()) || !relations.contains(r.to())) {
        throw new IllegalArgumentException("relationship between unknown relations: " + r);
      }
      byOrigin.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r);
    }
    byOrigin.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(byOrigin);
  }
}
