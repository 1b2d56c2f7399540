package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Optional;

/** Small builders for the document trees; key order is insertion order, so output is stable. */
final class Json {

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array(Collection<String> values) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    values.forEach(a::add);
    return a;
  }

  static ArrayNode array(String... values) {
    return array(java.util.List.of(values));
  }

  /** {@code {"$ref": ref}}. */
  static ObjectNode ref(String ref) {
    ObjectNode o = object();
    o.put("$ref", ref);
    return o;
  }

  static void putIfPresent(ObjectNode o, String key, Optional<String> value) {
    value.ifPresent(v -> o.put(key, v));
  }
}
