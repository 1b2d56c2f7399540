package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Generated;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import java.util.List;

/**
 * Swagger 2.0 {@code definitions}: one schema per table or view, keyed by its name, its properties
 * in column order. Types follow PostgREST exactly: {@code format} is the PostgreSQL type name,
 * {@code type} the JSON type (none for json/jsonb), arrays get {@code items}, enums their labels,
 * {@code varchar(n)} a {@code maxLength}, literal defaults a {@code default}.
 *
 * <p>{@code required} lists the NOT NULL columns a client must send on insert: those without a
 * default that are not identity or generated columns. (PostgREST lists every NOT NULL column, which
 * tells clients an identity key is mandatory in a POST body.)
 */
final class Swagger2Definitions {

  private Swagger2Definitions() {}

  static ObjectNode table(SchemaCache cache, Table t) {
    ObjectNode def = Json.object();
    def.put("type", "object");
    Json.putIfPresent(def, "description", t.description());
    List<String> required = requiredColumns(t);
    if (!required.isEmpty()) {
      def.set("required", Json.array(required));
    }
    ObjectNode props = def.putObject("properties");
    for (Column c : t.columns()) {
      props.set(c.name(), property(cache, t, c));
    }
    return def;
  }

  static List<String> requiredColumns(Table t) {
    return t.columns().stream()
        .filter(c -> !c.nullable())
        .filter(c -> c.defaultValue().isEmpty())
        .filter(c -> c.generated() == Generated.NONE)
        .map(Column::name)
        .toList();
  }

  private static ObjectNode property(SchemaCache cache, Table t, Column c) {
    PgType type = PgType.of(c.baseType());
    ObjectNode p = Json.object();
    c.defaultValue().flatMap(d -> DefaultValue.of(type, d)).ifPresent(d -> p.set("default", d));
    Json.putIfPresent(p, "description", ColumnNotes.description(cache, t, c));
    if (!c.enumValues().isEmpty() && !type.isArray()) {
      p.set("enum", Json.array(c.enumValues()));
    }
    p.put("format", type.name());
    c.maxLength().ifPresent(n -> p.put("maxLength", n));
    typeAndItems(p, type);
    return p;
  }

  /** {@code type} and, for arrays, {@code items} (an empty schema for json[]). */
  static void typeAndItems(ObjectNode p, PgType type) {
    type.jsonType().keyword().ifPresent(k -> p.put("type", k));
    if (type.isArray()) {
      ObjectNode items = p.putObject("items");
      type.element().jsonType().keyword().ifPresent(k -> items.put("type", k));
    }
  }

  /** A function argument inside the POST body schema: format, type and items, as PostgREST. */
  static ObjectNode argument(PgType type) {
    ObjectNode p = Json.object();
    p.put("format", type.name());
    typeAndItems(p, type);
    return p;
  }
}
