package dev.tusk.rest.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Structural validation of the documents, in lieu of a validator library: what each spec version
 * requires at the top, of every path item, operation, parameter, response and request body, and
 * that every {@code $ref} resolves. Each check returns problems as sentences, so a test can also
 * show that a broken document is caught.
 */
final class OpenApiChecks {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch");
  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "array", "object", "null", "file");
  private static final Set<String> PRIMITIVES =
      Set.of("string", "number", "integer", "boolean", "array", "file");
  private static final Pattern COMPONENT_KEY = Pattern.compile("[a-zA-Z0-9._-]+");

  private OpenApiChecks() {}

  static List<String> swagger2(JsonNode doc) {
    List<String> p = new ArrayList<>();
    expect(p, "2.0".equals(doc.path("swagger").asText(null)), "swagger is not 2.0");
    common(doc, p);
    if (doc.has("basePath")) {
      expect(p, doc.get("basePath").asText().startsWith("/"), "basePath must start with /");
    }
    if (doc.has("host")) {
      String h = doc.get("host").asText();
      expect(p, !h.contains("/") && !h.contains(" "), "host holds a scheme or path: " + h);
    }
    forEachOperation(
        doc,
        p,
        (where, op) -> {
          List<String> seen = new ArrayList<>();
          int bodies = 0;
          for (JsonNode ref : op.path("parameters")) {
            JsonNode param = resolved(doc, ref, p, where);
            String in = param.path("in").asText("");
            expect(p, param.path("name").isTextual(), where + ": parameter without a name");
            expect(
                p,
                Set.of("query", "header", "path", "formData", "body").contains(in),
                where + ": parameter in '" + in + "'");
            if (in.equals("body")) {
              bodies++;
              expect(p, param.path("schema").isObject(), where + ": body parameter without schema");
            } else {
              expect(
                  p,
                  PRIMITIVES.contains(param.path("type").asText()) && !param.has("schema"),
                  where + ": non-body parameter needs a primitive type");
              if (param.path("type").asText().equals("array")) {
                expect(
                    p,
                    param.path("items").path("type").isTextual(),
                    where + ": array parameter without items.type");
              }
            }
            String id = in + ":" + param.path("name").asText();
            expect(p, !seen.contains(id), where + ": parameter twice: " + id);
            seen.add(id);
          }
          expect(p, bodies <= 1, where + ": several body parameters");
        });
    securityResolves(doc, doc.path("securityDefinitions"), p);
    return p;
  }

  static List<String> openapi31(JsonNode doc) {
    List<String> p = new ArrayList<>();
    expect(p, doc.path("openapi").asText("").startsWith("3.1."), "openapi is not 3.1.x");
    common(doc, p);
    for (JsonNode server : doc.path("servers")) {
      expect(p, server.path("url").isTextual(), "a server without a url");
    }
    JsonNode components = doc.path("components");
    components
        .fields()
        .forEachRemaining(
            section ->
                section
                    .getValue()
                    .fieldNames()
                    .forEachRemaining(
                        k ->
                            expect(
                                p,
                                COMPONENT_KEY.matcher(k).matches(),
                                "components."
                                    + section.getKey()
                                    + " key '"
                                    + k
                                    + "' breaks ^[a-zA-Z0-9._-]+$")));
    forEachOperation(
        doc,
        p,
        (where, op) -> {
          List<String> seen = new ArrayList<>();
          for (JsonNode ref : op.path("parameters")) {
            JsonNode param = resolved(doc, ref, p, where);
            String in = param.path("in").asText("");
            expect(p, param.path("name").isTextual(), where + ": parameter without a name");
            expect(
                p,
                Set.of("query", "header", "path", "cookie").contains(in),
                where + ": parameter in '" + in + "'");
            expect(
                p,
                param.has("schema") != param.has("content"),
                where + ": a parameter has exactly one of schema and content");
            String id = in + ":" + param.path("name").asText();
            expect(p, !seen.contains(id), where + ": parameter twice: " + id);
            seen.add(id);
          }
          if (op.has("requestBody")) {
            JsonNode body = resolved(doc, op.get("requestBody"), p, where);
            expect(p, body.path("content").size() > 0, where + ": request body without content");
          }
        });
    securityResolves(doc, components.path("securitySchemes"), p);
    return p;
  }

  private interface OperationCheck {
    void check(String where, JsonNode op);
  }

  private static void common(JsonNode doc, List<String> p) {
    expect(p, doc.path("info").path("title").isTextual(), "info.title missing");
    expect(p, doc.path("info").path("version").isTextual(), "info.version missing");
    expect(p, doc.path("paths").isObject(), "paths missing");
    walk(doc, doc, "#", p);
  }

  private static void forEachOperation(JsonNode doc, List<String> p, OperationCheck check) {
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path -> {
              String key = path.getKey();
              expect(
                  p, OpenApiRefs.escapedPath(key), "path key '" + key + "' is not an escaped path");
              path.getValue()
                  .fields()
                  .forEachRemaining(
                      m -> {
                        String where = m.getKey().toUpperCase(java.util.Locale.ROOT) + " " + key;
                        if (!METHODS.contains(m.getKey())) {
                          p.add(key + ": unexpected field " + m.getKey());
                          return;
                        }
                        JsonNode op = m.getValue();
                        expect(p, op.path("responses").size() > 0, where + ": no responses");
                        op.path("responses")
                            .fields()
                            .forEachRemaining(
                                r ->
                                    expect(
                                        p,
                                        resolved(doc, r.getValue(), p, where)
                                            .path("description")
                                            .isTextual(),
                                        where
                                            + ": response "
                                            + r.getKey()
                                            + " without description"));
                        for (JsonNode tag : op.path("tags")) {
                          expect(p, tag.isTextual(), where + ": a tag is not a string");
                        }
                        check.check(where, op);
                      });
            });
  }

  private static void securityResolves(JsonNode doc, JsonNode schemes, List<String> p) {
    for (JsonNode requirement : doc.path("security")) {
      requirement
          .fieldNames()
          .forEachRemaining(
              name -> expect(p, schemes.has(name), "security names an undefined scheme " + name));
    }
  }

  /** Every $ref resolves; every schema type keyword names a JSON type. */
  private static void walk(JsonNode root, JsonNode node, String at, List<String> p) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        expect(
            p,
            ref.isTextual() && OpenApiRefs.resolve(root, ref.asText()).isPresent(),
            at + ": $ref " + ref + " does not resolve");
      }
      JsonNode type = node.get("type");
      if (type != null && (type.isTextual() || type.isArray())) {
        List<JsonNode> names = type.isArray() ? toList(type) : List.of(type);
        for (JsonNode n : names) {
          expect(
              p,
              TYPES.contains(n.asText()) || Set.of("apiKey", "http").contains(n.asText()),
              at + ": unknown type " + n);
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        walk(root, e.getValue(), at + "/" + e.getKey(), p);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(root, node.get(i), at + "/" + i, p);
      }
    }
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  private static JsonNode resolved(JsonNode doc, JsonNode node, List<String> p, String where) {
    if (!node.has("$ref")) {
      return node;
    }
    Optional<JsonNode> target = OpenApiRefs.resolve(doc, node.get("$ref").asText());
    if (target.isEmpty()) {
      p.add(where + ": dangling " + node.get("$ref"));
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    return target.get();
  }

  private static void expect(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
