package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.rest.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Swagger 2.0 document PostgREST serves at {@code /}: info, host, base path, schemes, the media
 * types, one path per table, view and function (plus {@code /} itself), a definition per table and
 * the shared parameters. Maps keyed by names (paths, definitions, parameters) are in key order;
 * properties keep column order, as PostgREST keeps them.
 */
final class Swagger2Document {

  static final List<String> MEDIA_TYPES =
      List.of(
          "application/json",
          "application/vnd.pgrst.object+json;nulls=stripped",
          "application/vnd.pgrst.object+json",
          "text/csv");

  private Swagger2Document() {}

  static ObjectNode build(Described d) {
    OpenApiSettings s = d.settings();
    ObjectNode doc = Json.object();
    doc.put("swagger", "2.0");
    ObjectNode info = doc.putObject("info");
    Json.putIfPresent(info, "description", d.description());
    info.put("title", d.title());
    info.put("version", s.version());
    s.host().ifPresent(h -> doc.put("host", h));
    doc.put("basePath", s.basePath());
    doc.set("schemes", Json.array(s.schemes()));
    doc.set("consumes", Json.array(MEDIA_TYPES));
    doc.set("produces", Json.array(MEDIA_TYPES));

    Map<String, ObjectNode> paths = new TreeMap<>();
    paths.put("/", Swagger2Paths.root());
    for (Table t : d.tables()) {
      paths.put(Keys.tablePath(t.name().name()), Swagger2Paths.table(t));
    }
    for (RpcEndpoint fn : d.routines()) {
      paths.put(Keys.rpcPath(fn.name().name()), Swagger2Rpc.path(fn));
    }
    ObjectNode pathsNode = doc.putObject("paths");
    paths.forEach(pathsNode::set);

    ObjectNode definitions = doc.putObject("definitions");
    for (Table t : d.tables()) {
      definitions.set(t.name().name(), Swagger2Definitions.table(d.cache(), t));
    }
    doc.set("parameters", Swagger2Parameters.all(d.tables()));

    if (s.jwtEnabled()) {
      ObjectNode jwt = doc.putObject("securityDefinitions").putObject("JWT");
      jwt.put("type", "apiKey");
      jwt.put("in", "header");
      jwt.put("name", "Authorization");
      jwt.put("description", "Add the token prepending \"Bearer \" (without quotes) to it");
      doc.putArray("security").addObject().putArray("JWT");
    }
    return doc;
  }
}
