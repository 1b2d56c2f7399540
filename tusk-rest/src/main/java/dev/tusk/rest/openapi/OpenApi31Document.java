package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.Table;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.1 document Tusk serves at {@code /?openapi=3}, which PostgREST users have asked for
 * since 2017. It describes the same paths as the 2.0 document, laid out as the PostgREST project's
 * own 3.1 work lays it out (components for schemas, parameters and request bodies), with {@code
 * servers} in place of host/basePath/schemes and an HTTP bearer scheme in place of the apiKey one.
 */
final class OpenApi31Document {

  static final String VERSION = "3.1.0";

  private OpenApi31Document() {}

  static ObjectNode build(Described d) {
    OpenApiSettings s = d.settings();
    ObjectNode doc = Json.object();
    doc.put("openapi", VERSION);
    ObjectNode info = doc.putObject("info");
    info.put("title", d.title());
    Json.putIfPresent(info, "description", d.description());
    info.put("version", s.version());
    ArrayNode servers = doc.putArray("servers");
    if (s.host().isPresent()) {
      for (String scheme : s.schemes()) {
        servers.addObject().put("url", scheme + "://" + s.host().get() + s.basePath());
      }
    } else {
      servers.addObject().put("url", s.basePath());
    }

    Map<String, ObjectNode> paths = new TreeMap<>();
    paths.put("/", OpenApi31Paths.root());
    for (Table t : d.tables()) {
      paths.put(Keys.tablePath(t.name().name()), OpenApi31Paths.table(t));
    }
    for (RpcEndpoint fn : d.routines()) {
      paths.put(Keys.rpcPath(fn.name().name()), OpenApi31Rpc.path(d, fn));
    }
    ObjectNode pathsNode = doc.putObject("paths");
    paths.forEach(pathsNode::set);
    doc.set("components", OpenApi31Components.build(d));
    if (s.jwtEnabled()) {
      doc.putArray("security").addObject().putArray("JWT");
    }
    return doc;
  }
}
