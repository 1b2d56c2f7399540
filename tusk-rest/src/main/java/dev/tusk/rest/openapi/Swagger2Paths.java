package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Swagger 2.0 path items, shaped as PostgREST shapes them: a table gets GET (row filters, select,
 * order, range, offset, limit, count preference; 200 with an array of rows, 206), and POST, PATCH
 * and DELETE as the relation allows them (PostgREST adds all three when any is allowed; Tusk
 * follows each of insertable, updatable and deletable). A function gets POST with an {@code args}
 * body, and GET with one query parameter per argument unless it is volatile.
 */
final class Swagger2Paths {

  static final List<String> RPC_PRODUCES =
      List.of(
          "application/json",
          "application/vnd.pgrst.object+json;nulls=stripped",
          "application/vnd.pgrst.object+json");

  private Swagger2Paths() {}

  static ObjectNode root() {
    ObjectNode get = Json.object();
    get.set("tags", Json.array("Introspection"));
    get.put("summary", "OpenAPI description (this document)");
    get.set("produces", Json.array("application/openapi+json", "application/json"));
    get.set("responses", status("200", "OK"));
    ObjectNode item = Json.object();
    item.set("get", get);
    return item;
  }

  static ObjectNode table(Table t) {
    List<String> filters = new ArrayList<>();
    for (Column c : t.columns()) {
      filters.add(Swagger2Parameters.rowFilter(t, c));
    }
    String body = Swagger2Parameters.body(t);
    ObjectNode item = Json.object();

    ObjectNode get = operation(t);
    List<String> getParams = new ArrayList<>(filters);
    getParams.addAll(
        List.of("select", "order", "range", "rangeUnit", "offset", "limit", "preferCount"));
    get.set("parameters", refs(getParams));
    ObjectNode ok = Json.object();
    ok.put("description", "OK");
    ObjectNode schema = ok.putObject("schema");
    schema.put("type", "array");
    schema.set("items", Json.ref(Keys.ref("definitions", t.name().name())));
    ObjectNode getResponses = Json.object();
    getResponses.set("200", ok);
    getResponses.set("206", description("Partial Content"));
    get.set("responses", getResponses);
    item.set("get", get);

    if (t.insertable()) {
      ObjectNode post = operation(t);
      post.set("parameters", refs(List.of(body, "select", "preferPost")));
      post.set("responses", status("201", "Created"));
      item.set("post", post);
    }
    if (t.updatable()) {
      ObjectNode patch = operation(t);
      List<String> params = new ArrayList<>(filters);
      params.addAll(List.of(body, "preferReturn"));
      patch.set("parameters", refs(params));
      patch.set("responses", status("204", "No Content"));
      item.set("patch", patch);
    }
    if (t.deletable()) {
      ObjectNode delete = operation(t);
      List<String> params = new ArrayList<>(filters);
      params.add("preferReturn");
      delete.set("parameters", refs(params));
      delete.set("responses", status("204", "No Content"));
      item.set("delete", delete);
    }
    return item;
  }

  private static ObjectNode operation(Table t) {
    Comment c = Comment.of(t.description());
    ObjectNode op = Json.object();
    op.set("tags", Json.array(t.name().name()));
    Json.putIfPresent(op, "summary", c.summary());
    Json.putIfPresent(op, "description", c.description());
    return op;
  }

  static ArrayNode refs(List<String> parameterKeys) {
    ArrayNode a = Json.array();
    for (String k : parameterKeys) {
      a.add(Json.ref(Keys.ref("parameters", k)));
    }
    return a;
  }

  static ObjectNode status(String code, String text) {
    ObjectNode r = Json.object();
    r.set(code, description(text));
    return r;
  }

  static ObjectNode description(String text) {
    ObjectNode d = Json.object();
    d.put("description", text);
    return d;
  }
}
