package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.RoutineParam;
import dev.tusk.rest.schema.RoutineReturn;
import java.util.List;

/**
 * An OpenAPI 3.1 {@code /rpc/name} path item. Beyond 2.0 it describes the result: a scalar's type,
 * a table's row ({@code $ref} when the table is in the document), the columns of {@code RETURNS
 * TABLE}, an array for set-returning functions, and 204 for {@code void}.
 */
final class OpenApi31Rpc {

  private OpenApi31Rpc() {}

  static ObjectNode path(Described d, RpcEndpoint fn) {
    ObjectNode item = Json.object();
    if (fn.get()) {
      ObjectNode get = operation(d, fn);
      ArrayNode params = get.putArray("parameters");
      for (RpcEndpoint.Arg a : fn.args()) {
        ObjectNode p = params.addObject();
        p.put("name", a.name());
        p.put("in", "query");
        p.put("required", a.required());
        if (a.variadic()) {
          p.put("style", "form");
          p.put("explode", true);
          p.set(
              "schema", OpenApi31Schemas.arrayOf(OpenApi31Schemas.queryValue(a.type().element())));
        } else {
          p.set("schema", OpenApi31Schemas.queryValue(a.type()));
        }
      }
      params.add(OpenApi31Paths.param("preferGet"));
      item.set("get", get);
    }
    ObjectNode post = operation(d, fn);
    post.putArray("parameters").add(OpenApi31Paths.param("preferPostRpc"));
    ObjectNode body = Json.object();
    body.put("required", fn.args().stream().anyMatch(RpcEndpoint.Arg::required));
    body.putObject("content").putObject("application/json").set("schema", bodySchema(fn));
    post.set("requestBody", body);
    item.set("post", post);
    return item;
  }

  private static ObjectNode operation(Described d, RpcEndpoint fn) {
    Comment c = fn.comment();
    ObjectNode op = Json.object();
    op.set("tags", Json.array("(rpc) " + fn.name().name()));
    Json.putIfPresent(op, "summary", c.summary());
    Json.putIfPresent(op, "description", c.description());
    ObjectNode responses = op.putObject("responses");
    if (fn.returns() instanceof RoutineReturn.Void) {
      responses.putObject("204").put("description", "No Content");
    } else {
      ObjectNode ok = responses.putObject("200");
      ok.put("description", "OK");
      ok.putObject("content").putObject("application/json").set("schema", result(d, fn));
    }
    responses.set("default", OpenApi31Paths.error());
    return op;
  }

  private static ObjectNode bodySchema(RpcEndpoint fn) {
    if (fn.unnamedBody().isPresent() && fn.args().isEmpty()) {
      return OpenApi31Schemas.of(fn.unnamedBody().get(), false);
    }
    ObjectNode schema = Json.object();
    schema.put("type", "object");
    List<String> required =
        fn.args().stream().filter(RpcEndpoint.Arg::required).map(RpcEndpoint.Arg::name).toList();
    if (!required.isEmpty()) {
      schema.set("required", Json.array(required));
    }
    ObjectNode props = schema.putObject("properties");
    for (RpcEndpoint.Arg a : fn.args()) {
      props.set(a.name(), OpenApi31Schemas.of(a.type(), false));
    }
    return schema;
  }

  private static ObjectNode result(Described d, RpcEndpoint fn) {
    return switch (fn.returns()) {
      case RoutineReturn.Scalar s ->
          setOf(OpenApi31Schemas.of(PgType.of(s.type()), true), s.setOf());
      case RoutineReturn.Composite c -> {
        ObjectNode row;
        if (d.describes(c.type())) {
          row = Json.ref(Keys.ref("components/schemas", Keys.component(c.type().name())));
        } else {
          row = Json.object();
          row.put("type", "object");
        }
        yield setOf(row, c.setOf());
      }
      case RoutineReturn.Record r -> {
        ObjectNode row = Json.object();
        row.put("type", "object");
        ObjectNode props = row.putObject("properties");
        for (RoutineParam p : fn.outputs()) {
          props.set(p.name(), OpenApi31Schemas.of(PgType.of(p.type()), true));
        }
        yield setOf(row, r.setOf());
      }
      case RoutineReturn.Void v -> Json.object();
    };
  }

  private static ObjectNode setOf(ObjectNode row, boolean setOf) {
    return setOf ? OpenApi31Schemas.arrayOf(row) : row;
  }
}
