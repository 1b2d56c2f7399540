package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenAPI 3.1 path items for tables and views: GET always; POST, PATCH and DELETE as the relation
 * is insertable, updatable and deletable; PUT (single-row upsert, filtered on the whole primary
 * key) when it is insertable and updatable and has a primary key. Row responses are offered as a
 * JSON array, a single object ({@code application/vnd.pgrst.object+json}) and CSV.
 */
final class OpenApi31Paths {

  private OpenApi31Paths() {}

  static ObjectNode root() {
    ObjectNode get = Json.object();
    get.set("tags", Json.array("Introspection"));
    get.put("summary", "OpenAPI description (this document)");
    ObjectNode ok = get.putObject("responses").putObject("200");
    ok.put("description", "OK");
    ObjectNode content = ok.putObject("content");
    content.putObject("application/openapi+json").putObject("schema").put("type", "object");
    content.putObject("application/json").putObject("schema").put("type", "object");
    ObjectNode item = Json.object();
    item.set("get", get);
    return item;
  }

  static ObjectNode table(Table t) {
    List<String> filters = new ArrayList<>();
    List<String> keyFilters = new ArrayList<>();
    for (Column c : t.columns()) {
      filters.add(OpenApi31Components.rowFilter(t, c));
      if (t.primaryKey().contains(c.name())) {
        keyFilters.add(OpenApi31Components.rowFilter(t, c));
      }
    }
    ObjectNode item = Json.object();
    ObjectNode get =
        operation(t, filters, "select", "order", "limit", "offset", "range", "preferGet");
    ObjectNode getResponses = get.putObject("responses");
    getResponses.set("200", rows(t, "OK"));
    getResponses.set("206", rows(t, "Partial Content"));
    getResponses.set("default", error());
    item.set("get", get);
    if (t.insertable()) {
      ObjectNode post = operation(t, List.of(), "select", "columns", "on_conflict", "preferPost");
      post.set("requestBody", body(t));
      ObjectNode r = post.putObject("responses");
      r.set("201", rows(t, "Created"));
      r.set("default", error());
      item.set("post", post);
    }
    if (t.insertable() && t.updatable() && !keyFilters.isEmpty()) {
      item.set("put", change(t, keyFilters, "preferPut", true));
    }
    if (t.updatable()) {
      item.set("patch", change(t, filters, "preferPatch", true));
    }
    if (t.deletable()) {
      item.set("delete", change(t, filters, "preferDelete", false));
    }
    return item;
  }

  private static ObjectNode change(Table t, List<String> filters, String prefer, boolean withBody) {
    ObjectNode op = operation(t, filters, "select", prefer);
    if (withBody) {
      op.set("requestBody", body(t));
    }
    ObjectNode r = op.putObject("responses");
    r.set("200", rows(t, "OK"));
    ObjectNode none = r.putObject("204");
    none.put("description", "No Content");
    r.set("default", error());
    return op;
  }

  private static ObjectNode operation(Table t, List<String> filters, String... shared) {
    Comment c = Comment.of(t.description());
    ObjectNode op = Json.object();
    op.set("tags", Json.array(t.name().name()));
    Json.putIfPresent(op, "summary", c.summary());
    Json.putIfPresent(op, "description", c.description());
    ArrayNode params = op.putArray("parameters");
    filters.forEach(f -> params.add(param(f)));
    for (String s : shared) {
      params.add(param(s));
    }
    return op;
  }

  static ObjectNode param(String key) {
    return Json.ref(Keys.ref("components/parameters", key));
  }

  static ObjectNode error() {
    return Json.ref(Keys.ref("components/responses", "error"));
  }

  private static ObjectNode body(Table t) {
    return Json.ref(Keys.ref("components/requestBodies", OpenApi31Schemas.key(t)));
  }

  /**
   * A reference to the table's shared rows response; 3.1 lets a reference override the description,
   * so 200, 201 and 206 share one definition.
   */
  private static ObjectNode rows(Table t, String description) {
    ObjectNode ref = Json.ref(Keys.ref("components/responses", rowsKey(t)));
    ref.put("description", description);
    return ref;
  }

  static String rowsKey(Table t) {
    return "rows." + OpenApi31Schemas.key(t);
  }

  /** Rows of {@code t}: a JSON array, a single object, or CSV. */
  static ObjectNode rowsResponse(Table t) {
    ObjectNode response = Json.object();
    response.put("description", "Rows of " + t.name().name());
    ObjectNode content = response.putObject("content");
    ObjectNode ref = Json.ref(OpenApi31Schemas.ref(t));
    content.putObject("application/json").set("schema", OpenApi31Schemas.arrayOf(ref));
    content.putObject("application/vnd.pgrst.object+json").set("schema", ref.deepCopy());
    content
        .putObject("application/vnd.pgrst.object+json;nulls=stripped")
        .set("schema", ref.deepCopy());
    content.putObject("text/csv").putObject("schema").put("type", "string");
    return response;
  }
}
