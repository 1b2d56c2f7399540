package dev.tusk.rest.plan;

import dev.tusk.rest.query.Expr;
import dev.tusk.rest.query.Source;
import dev.tusk.rest.request.EmbedPath;
import dev.tusk.rest.request.Field;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.Table;
import java.util.Optional;

/**
 * One resource of the request tree while it is planned: where its rows come from and under which
 * alias, the table or view whose columns and relationships it has (if known), and its path in the
 * URL's parameter names.
 *
 * @param origin the name relationships start from: the table, or the type a function returns
 */
record Scope(
    Source source, String alias, Optional<Table> table, QualifiedName origin, EmbedPath path) {

  Optional<Column> column(String name) {
    return table.flatMap(t -> t.column(name));
  }

  /**
   * A column reference; a JSON path on a column that is neither json nor jsonb goes through {@code
   * to_jsonb}, so paths also reach into composite and array columns.
   */
  Expr.ColumnRef ref(Field field) {
    boolean wrap =
        field.hasJsonPath()
            && column(field.name())
                .map(c -> !c.baseType().equals("json") && !c.baseType().equals("jsonb"))
                .orElse(false);
    return new Expr.ColumnRef(alias, field.name(), field.jsonPath(), wrap);
  }

  boolean isTsvector(Field field) {
    return !field.hasJsonPath()
        && column(field.name()).map(c -> c.baseType().equals("tsvector")).orElse(false);
  }

  /** Who the resource is in messages: the table's name, or the function's. */
  String name() {
    return origin.name();
  }
}
