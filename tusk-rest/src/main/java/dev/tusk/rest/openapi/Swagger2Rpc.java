package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Swagger 2.0 {@code /rpc/name} path item, as PostgREST writes it: tag {@code (rpc) name}, the
 * function comment's first line as summary, POST with an {@code args} body parameter (an object of
 * the named arguments; the whole body when the function takes one unnamed json parameter), and GET
 * with the arguments as query parameters (variadic ones repeated, {@code collectionFormat: multi})
 * unless every overload is volatile.
 */
final class Swagger2Rpc {

  private Swagger2Rpc() {}

  static ObjectNode path(RpcEndpoint fn) {
    ObjectNode item = Json.object();
    if (fn.get()) {
      ObjectNode get = operation(fn);
      ArrayNode params = get.putArray("parameters");
      for (RpcEndpoint.Arg a : fn.args()) {
        params.add(queryParameter(a));
      }
      get.set("responses", Swagger2Paths.status("200", "OK"));
      item.set("get", get);
    }
    ObjectNode post = operation(fn);
    ArrayNode params = post.putArray("parameters");
    ObjectNode args = params.addObject();
    args.put("name", "args");
    args.put("required", true);
    args.put("in", "body");
    args.set("schema", bodySchema(fn));
    params.add(Json.ref(Keys.ref("parameters", "preferParams")));
    post.set("responses", Swagger2Paths.status("200", "OK"));
    item.set("post", post);
    return item;
  }

  private static ObjectNode operation(RpcEndpoint fn) {
    Comment c = fn.comment();
    ObjectNode op = Json.object();
    op.set("tags", Json.array("(rpc) " + fn.name().name()));
    Json.putIfPresent(op, "summary", c.summary());
    Json.putIfPresent(op, "description", c.description());
    op.set("produces", Json.array(Swagger2Paths.RPC_PRODUCES));
    return op;
  }

  private static ObjectNode queryParameter(RpcEndpoint.Arg a) {
    ObjectNode p = Json.object();
    p.put("name", a.name());
    p.put("required", a.required());
    p.put("in", "query");
    if (a.variadic()) {
      p.put("type", "array");
      p.put("collectionFormat", "multi");
      ObjectNode items = p.putObject("items");
      PgType element = a.type().element();
      element.jsonType().keyword().ifPresent(k -> items.put("type", k));
      if (element.jsonType() == PgType.JsonType.ANY) {
        items.put("type", "string");
      }
      items.put("format", element.name());
    } else {
      p.put("format", a.type().name());
      // A query parameter must have a primitive type: arrays ({1,2}) and json are strings here.
      String type =
          switch (a.type().jsonType()) {
            case ARRAY, ANY -> "string";
            default -> a.type().jsonType().keyword().orElseThrow();
          };
      p.put("type", type);
    }
    return p;
  }

  private static ObjectNode bodySchema(RpcEndpoint fn) {
    if (fn.unnamedBody().isPresent() && fn.args().isEmpty()) {
      ObjectNode raw = Swagger2Definitions.argument(fn.unnamedBody().get());
      Json.putIfPresent(raw, "description", fn.description());
      return raw;
    }
    ObjectNode schema = Json.object();
    Json.putIfPresent(schema, "description", fn.description());
    schema.put("type", "object");
    List<String> required =
        fn.args().stream().filter(RpcEndpoint.Arg::required).map(RpcEndpoint.Arg::name).toList();
    if (!required.isEmpty()) {
      schema.set("required", Json.array(required));
    }
    ObjectNode props = schema.putObject("properties");
    for (RpcEndpoint.Arg a : fn.args()) {
      props.set(a.name(), Swagger2Definitions.argument(a.type()));
    }
    return schema;
  }
}
