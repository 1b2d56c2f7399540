package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Generated;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import java.util.List;

/**
 * OpenAPI 3.1 schemas (JSON Schema 2020-12). Where 2.0 can only say "integer", 3.1 says what a
 * typed client needs: nullable columns are {@code ["integer", "null"]} (and a nullable enum lists
 * null), formats are the registered ones where a type has one ({@code int32}, {@code int64}, {@code
 * date-time}, {@code uuid}, ...; the PostgreSQL name otherwise), identity-always and generated
 * columns are {@code readOnly}. Descriptions, defaults, enums, {@code maxLength} and {@code
 * required} are as in 2.0.
 */
final class OpenApi31Schemas {

  private OpenApi31Schemas() {}

  static String key(Table t) {
    return Keys.component(t.name().name());
  }

  static String ref(Table t) {
    return Keys.ref("components/schemas", key(t));
  }

  static ObjectNode table(SchemaCache cache, Table t) {
    ObjectNode def = Json.object();
    def.put("type", "object");
    Json.putIfPresent(def, "description", t.description());
    List<String> required = Swagger2Definitions.requiredColumns(t);
    if (!required.isEmpty()) {
      def.set("required", Json.array(required));
    }
    ObjectNode props = def.putObject("properties");
    for (Column c : t.columns()) {
      props.set(c.name(), property(cache, t, c));
    }
    return def;
  }

  private static ObjectNode property(SchemaCache cache, Table t, Column c) {
    PgType type = PgType.of(c.baseType());
    ObjectNode p = of(type, c.nullable());
    Json.putIfPresent(p, "description", ColumnNotes.description(cache, t, c));
    c.defaultValue().flatMap(d -> DefaultValue.of(type, d)).ifPresent(d -> p.set("default", d));
    if (!c.enumValues().isEmpty() && !type.isArray()) {
      ArrayNode labels = Json.array(c.enumValues());
      if (c.nullable()) {
        labels.addNull();
      }
      p.set("enum", labels);
    }
    c.maxLength().ifPresent(n -> p.put("maxLength", n));
    if (c.generated() != Generated.NONE && c.generated() != Generated.IDENTITY_BY_DEFAULT) {
      p.put("readOnly", true);
    }
    return p;
  }

  /** The schema of a value of {@code type}: type (with null when nullable), format, items. */
  static ObjectNode of(PgType type, boolean nullable) {
    ObjectNode s = Json.object();
    type.jsonType()
        .keyword()
        .ifPresent(
            k -> {
              if (nullable) {
                s.set("type", Json.array(k, "null"));
              } else {
                s.put("type", k);
              }
            });
    s.put("format", type.standardFormat());
    if (type.isArray()) {
      s.set("items", of(type.element(), false));
    }
    return s;
  }

  /** A query string value of {@code type}: arrays ({@code {1,2}}) and json are sent as text. */
  static ObjectNode queryValue(PgType type) {
    return switch (type.jsonType()) {
      case ARRAY, ANY -> {
        ObjectNode s = Json.object();
        s.put("type", "string");
        s.put("format", type.name());
        yield s;
      }
      default -> of(type, false);
    };
  }

  /** {@code {"type": "array", "items": items}}. */
  static ObjectNode arrayOf(ObjectNode items) {
    ObjectNode s = Json.object();
    s.put("type", "array");
    s.set("items", items);
    return s;
  }
}
