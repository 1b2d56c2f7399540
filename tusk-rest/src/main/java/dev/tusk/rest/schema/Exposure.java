package dev.tusk.rest.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One relation through which a table's columns can be reached: the table itself, or a view that
 * shows some of its columns (possibly renamed). A foreign key yields a relationship for every
 * exposure that shows all its columns. Hidden exposures (tables outside the exposed schemas) only
 * serve as many-to-many junctions.
 *
 * @param columns base column number to the name it has in {@code relation}
 */
record Exposure(QualifiedName relation, boolean exposed, Map<Integer, String> columns) {

  Exposure {
    columns = Map.copyOf(columns);
  }

  /** The names of {@code attnums} in this relation, if it shows all of them. */
  Optional<List<String>> cover(List<Integer> attnums) {
    List<String> names = new ArrayList<>(attnums.size());
    for (Integer a : attnums) {
      String n = columns.get(a);
      if (n == null) {
        return Optional.empty();
      }
      names.add(n);
    }
    return Optional.of(names);
  }
}
