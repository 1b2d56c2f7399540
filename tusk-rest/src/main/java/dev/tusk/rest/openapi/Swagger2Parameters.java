package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Swagger 2.0 {@code parameters}: the shared definitions the paths reference, named as PostgREST
 * names them ({@code select}, {@code order}, {@code range}, {@code rangeUnit}, {@code offset},
 * {@code limit}, {@code on_conflict}, {@code preferParams}, {@code preferReturn}, {@code
 * preferCount}, {@code preferPost}, and per table {@code body.<table>} and {@code
 * rowFilter.<table>.<column>}), in key order.
 */
final class Swagger2Parameters {

  private Swagger2Parameters() {}

  static String rowFilter(Table t, Column c) {
    return "rowFilter." + Keys.dotted(t.name().name()) + "." + Keys.dotted(c.name());
  }

  static String body(Table t) {
    return "body." + Keys.dotted(t.name().name());
  }

  static ObjectNode all(List<Table> tables) {
    Map<String, ObjectNode> defs = new TreeMap<>();
    defs.put("preferParams", prefer(Prefer.PARAMS));
    defs.put("preferReturn", prefer(Prefer.RETURN));
    defs.put("preferCount", prefer(Prefer.COUNT));
    defs.put("preferPost", prefer(Prefer.join(Prefer.RETURN, Prefer.RESOLUTION, Prefer.MISSING)));
    defs.put("select", query("select", "Filtering Columns"));
    defs.put("on_conflict", query("on_conflict", "On Conflict"));
    defs.put("order", query("order", "Ordering"));
    defs.put("range", header("Range", "Limiting and Pagination"));
    ObjectNode unit = header("Range-Unit", "Limiting and Pagination");
    unit.put("default", "items");
    defs.put("rangeUnit", unit);
    defs.put("offset", query("offset", "Limiting and Pagination"));
    defs.put("limit", query("limit", "Limiting and Pagination"));
    for (Table t : tables) {
      ObjectNode body = Json.object();
      body.put("name", t.name().name());
      body.put("description", t.name().name());
      body.put("required", false);
      body.put("in", "body");
      body.set("schema", Json.ref(Keys.ref("definitions", t.name().name())));
      defs.put(body(t), body);
      for (Column c : t.columns()) {
        ObjectNode filter = Json.object();
        filter.put("name", c.name());
        Json.putIfPresent(filter, "description", c.description());
        filter.put("required", false);
        filter.put("in", "query");
        filter.put("type", "string");
        defs.put(rowFilter(t, c), filter);
      }
    }
    ObjectNode out = Json.object();
    defs.forEach(out::set);
    return out;
  }

  private static ObjectNode query(String name, String description) {
    return simple(name, description, "query");
  }

  private static ObjectNode header(String name, String description) {
    return simple(name, description, "header");
  }

  private static ObjectNode simple(String name, String description, String in) {
    ObjectNode p = Json.object();
    p.put("name", name);
    p.put("description", description);
    p.put("required", false);
    p.put("in", in);
    p.put("type", "string");
    return p;
  }

  private static ObjectNode prefer(List<String> values) {
    ObjectNode p = header("Prefer", "Preference");
    p.set("enum", Json.array(values));
    return p;
  }
}
