package dev.tusk.rest.openapi;

import dev.tusk.rest.schema.Cardinality;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.Relationship.ForeignKeyRel;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A column's description with PostgREST's key notes appended: {@code Note:\nThis is a Primary
 * Key.<pk/>} and {@code This is a Foreign Key to `table.column`.<fk table='table'
 * column='column'/>}, after the column's comment and a blank line. Tools (and the PostgREST admin
 * UIs built on its OpenAPI output) read the {@code <pk/>} and {@code <fk/>} tags, so the text is
 * kept exactly; the tag attributes are XML-escaped, which leaves ordinary names unchanged.
 *
 * <p>The foreign key is the single-column many-to-one (or one-to-one) key the column holds,
 * preferring one that points at a table over one that points at a view, as PostgREST does.
 */
final class ColumnNotes {

  private ColumnNotes() {}

  static Optional<String> description(SchemaCache cache, Table table, Column column) {
    List<String> notes = new ArrayList<>();
    if (table.primaryKey().contains(column.name())) {
      notes.add("This is a Primary Key.<pk/>");
    }
    foreignKey(cache, table.name(), column.name())
        .ifPresent(
            fk -> {
              String to = fk.to().name();
              String col = fk.toColumns().get(0);
              notes.add(
                  "This is a Foreign Key to `"
                      + to
                      + "."
                      + col
                      + "`.<fk table='"
                      + xml(to)
                      + "' column='"
                      + xml(col)
                      + "'/>");
            });
    if (notes.isEmpty()) {
      return column.description();
    }
    String text = "Note:\n" + String.join("\n", notes);
    return Optional.of(column.description().map(d -> d + "\n\n" + text).orElse(text));
  }

  private static Optional<ForeignKeyRel> foreignKey(
      SchemaCache cache, QualifiedName table, String column) {
    Comparator<ForeignKeyRel> tablesFirst =
        Comparator.<ForeignKeyRel, Boolean>comparing(r -> isView(cache, r.to()))
            .thenComparing(ForeignKeyRel::to)
            .thenComparing(ForeignKeyRel::constraint);
    return cache.relationships(table).stream()
        .filter(ForeignKeyRel.class::isInstance)
        .map(ForeignKeyRel.class::cast)
        .filter(ForeignKeyRel::fromHoldsKey)
        .filter(
            r ->
                r.cardinality() == Cardinality.MANY_TO_ONE
                    || r.cardinality() == Cardinality.ONE_TO_ONE)
        .filter(r -> r.fromColumns().equals(List.of(column)))
        .min(tablesFirst);
  }

  private static boolean isView(SchemaCache cache, QualifiedName name) {
    return cache.table(name).map(t -> t.kind().isView()).orElse(false);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace("\"", "&quot;");
  }
}
