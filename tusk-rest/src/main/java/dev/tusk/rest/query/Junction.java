package dev.tusk.rest.query;

import dev.tusk.rest.schema.QualifiedName;
import java.util.List;

/** {@code INNER JOIN table AS alias ON ...}: the junction of a many-to-many embed. */
public record Junction(QualifiedName table, String alias, List<Cond> on) {
  public Junction {
    on = List.copyOf(on);
  }
}
