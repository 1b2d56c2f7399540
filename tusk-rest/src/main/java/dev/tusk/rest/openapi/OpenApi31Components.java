package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.Column;
import dev.tusk.rest.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 {@code components}: a schema and a request body per table, the shared parameters
 * (the query grammar, {@code Range}, {@code Prefer} per method, a row filter per column), the error
 * response every operation may give, and the bearer scheme when JWTs are on. Keys are in order, and
 * names go through {@link Keys#component} (3.1 restricts key characters).
 */
final class OpenApi31Components {

  private OpenApi31Components() {}

  static String rowFilter(Table t, Column c) {
    return "rowFilter." + Keys.component(t.name().name()) + "." + Keys.component(c.name());
  }

  static ObjectNode build(Described d) {
    ObjectNode components = Json.object();
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode bodies = Json.object();
    for (Table t : d.tables()) {
      schemas.set(OpenApi31Schemas.key(t), OpenApi31Schemas.table(d.cache(), t));
      bodies.set(OpenApi31Schemas.key(t), requestBody(t));
    }
    components.set("parameters", parameters(d.tables()));
    components.set("requestBodies", bodies);
    ObjectNode responses = components.putObject("responses");
    responses.set("error", error());
    for (Table t : d.tables()) {
      responses.set(OpenApi31Paths.rowsKey(t), OpenApi31Paths.rowsResponse(t));
    }
    if (d.settings().jwtEnabled()) {
      ObjectNode jwt = components.putObject("securitySchemes").putObject("JWT");
      jwt.put("type", "http");
      jwt.put("scheme", "bearer");
      jwt.put("bearerFormat", "JWT");
      jwt.put("description", "A JWT whose role claim names the database role to act as");
    }
    return components;
  }

  private static ObjectNode parameters(List<Table> tables) {
    Map<String, ObjectNode> p = new TreeMap<>();
    p.put("select", query("select", "Columns to return, with embedded resources", "string"));
    p.put("order", query("order", "Ordering, e.g. created_at.desc.nullslast", "string"));
    p.put("limit", query("limit", "The number of rows to return", "integer"));
    p.put("offset", query("offset", "The number of rows to skip", "integer"));
    p.put(
        "on_conflict", query("on_conflict", "Columns of the unique key an upsert uses", "string"));
    p.put("columns", query("columns", "The payload keys to insert or update", "string"));
    ObjectNode range = parameter("Range", "header", "Rows to return, e.g. 0-24");
    range.putObject("schema").put("type", "string");
    p.put("range", range);
    p.put("preferGet", prefer(Prefer.join(Prefer.COUNT, Prefer.HANDLING), ""));
    p.put(
        "preferPost",
        prefer(
            Prefer.join(
                Prefer.RETURN, Prefer.RESOLUTION, Prefer.MISSING, Prefer.HANDLING, Prefer.TX),
            ""));
    p.put("preferPut", prefer(Prefer.join(Prefer.RETURN, Prefer.HANDLING, Prefer.TX), ""));
    List<String> change = Prefer.join(Prefer.RETURN, Prefer.COUNT, Prefer.HANDLING, Prefer.TX);
    p.put("preferPatch", prefer(change, " and max-affected=n"));
    p.put("preferDelete", prefer(change, " and max-affected=n"));
    p.put(
        "preferPostRpc",
        prefer(
            Prefer.join(Prefer.COUNT, Prefer.HANDLING, Prefer.TX, Prefer.PARAMS),
            " and max-affected=n"));
    for (Table t : tables) {
      for (Column c : t.columns()) {
        ObjectNode filter =
            parameter(
                c.name(),
                "query",
                c.description().orElse("Filter on " + c.name() + ": operator.value, e.g. eq.1"));
        filter.putObject("schema").put("type", "string");
        p.put(rowFilter(t, c), filter);
      }
    }
    ObjectNode out = Json.object();
    p.forEach(out::set);
    return out;
  }

  private static ObjectNode query(String name, String description, String type) {
    ObjectNode q = parameter(name, "query", description);
    q.putObject("schema").put("type", type);
    return q;
  }

  private static ObjectNode parameter(String name, String in, String description) {
    ObjectNode q = Json.object();
    q.put("name", name);
    q.put("in", in);
    q.put("description", description);
    q.put("required", false);
    return q;
  }

  private static ObjectNode prefer(List<String> values, String more) {
    ObjectNode q =
        parameter(
            "Prefer", "header", "Preferences, comma-separated: these" + more + ", timezone=tz");
    q.put("style", "simple");
    ObjectNode items = Json.object();
    items.put("type", "string");
    items.set("enum", Json.array(values));
    q.set("schema", OpenApi31Schemas.arrayOf(items));
    return q;
  }

  private static ObjectNode requestBody(Table t) {
    ObjectNode ref = Json.ref(OpenApi31Schemas.ref(t));
    ObjectNode body = Json.object();
    body.put("description", t.name().name());
    body.put("required", true);
    ObjectNode content = body.putObject("content");
    ObjectNode oneOf = Json.object();
    oneOf.putArray("oneOf").add(ref).add(OpenApi31Schemas.arrayOf(ref.deepCopy()));
    content.putObject("application/json").set("schema", oneOf);
    content.putObject("application/x-www-form-urlencoded").set("schema", ref.deepCopy());
    content.putObject("text/csv").putObject("schema").put("type", "string");
    return body;
  }

  /** PostgREST's error body: {code, message, details, hint}. */
  private static ObjectNode error() {
    ObjectNode response = Json.object();
    response.put("description", "An error: a PGRST code or a PostgreSQL SQLSTATE, and why");
    ObjectNode schema =
        response.putObject("content").putObject("application/json").putObject("schema");
    schema.put("type", "object");
    schema.set("required", Json.array("code", "message"));
    ObjectNode props = schema.putObject("properties");
    props.putObject("code").put("type", "string");
    props.putObject("message").put("type", "string");
    props.putObject("details").set("type", Json.array("string", "null"));
    props.putObject("hint").set("type", Json.array("string", "null"));
    return response;
  }
}
