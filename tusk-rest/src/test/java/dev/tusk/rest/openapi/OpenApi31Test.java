package dev.tusk.rest.openapi;

import static dev.tusk.rest.openapi.OpenApiFixtures.qn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.rest.schema.Generated;
import dev.tusk.rest.schema.SchemaCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OpenAPI 3.1 document: what it says beyond 2.0, and that it says the same paths. */
class OpenApi31Test {

  private static final SchemaCache BLOG = OpenApiFixtures.blog();
  private final OpenApiWriter writer = new OpenApiWriter();

  private JsonNode doc(OpenApiSettings s) {
    JsonNode doc = OpenApiRefs.parse(writer.openapi31(BLOG, s));
    assertThat(OpenApiChecks.openapi31(doc)).isEmpty();
    return doc;
  }

  private JsonNode doc() {
    return doc(OpenApiFixtures.settings());
  }

  private static String schema(JsonNode d, String table, String column) {
    return d.path("components")
        .path("schemas")
        .path(table)
        .path("properties")
        .path(column)
        .toString();
  }

  @Test
  void topLevel() {
    JsonNode d = doc();
    assertThat(d.path("openapi").asText()).isEqualTo("3.1.0");
    assertThat(d.path("info").path("title").asText()).isEqualTo("Tusk API");
    assertThat(d.path("servers").toString()).isEqualTo("[{\"url\":\"/\"}]");
    assertThat(d.has("security")).isFalse();
    assertThat(d.path("components").has("securitySchemes")).isFalse();

    JsonNode hosted =
        doc(OpenApiFixtures.settings().withHost(Optional.of("localhost:3000")).withJwt(true));
    assertThat(hosted.path("servers").toString())
        .isEqualTo("[{\"url\":\"http://localhost:3000/\"}]");
    assertThat(hosted.path("components").path("securitySchemes").path("JWT").toString())
        .startsWith("{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"");
    assertThat(hosted.path("security").toString()).isEqualTo("[{\"JWT\":[]}]");
  }

  @Test
  void describesTheSamePathsAndMethodsAsSwagger2PlusPut() {
    JsonNode v3 = doc();
    JsonNode v2 = OpenApiRefs.parse(writer.swagger2(BLOG, OpenApiFixtures.settings()));
    List<String> keys3 = new ArrayList<>();
    v3.path("paths").fieldNames().forEachRemaining(keys3::add);
    List<String> keys2 = new ArrayList<>();
    v2.path("paths").fieldNames().forEachRemaining(keys2::add);
    assertThat(keys3).isEqualTo(keys2);
    assertThat(v3.path("paths").path("/posts").fieldNames())
        .toIterable()
        .containsExactly("get", "post", "put", "patch", "delete");
    assertThat(v3.path("paths").path("/readonly_things").fieldNames())
        .toIterable()
        .containsExactly("get", "patch");
    assertThat(v3.path("paths").path("/feed").fieldNames()).toIterable().containsExactly("get");
    JsonNode put = v3.path("paths").path("/posts").path("put").path("parameters");
    assertThat(put.get(0).path("$ref").asText())
        .isEqualTo("#/components/parameters/rowFilter.posts.id");
    assertThat(put.size()).as("the key filter, select and Prefer").isEqualTo(3);
  }

  @Test
  void columnsAreTypedForTypedClients() {
    JsonNode d = doc();
    assertThat(schema(d, "posts", "id"))
        .isEqualTo(
            "{\"type\":\"integer\",\"format\":\"int64\","
                + "\"description\":\"Note:\\nThis is a Primary Key.<pk/>\"}");
    assertThat(schema(d, "posts", "doubled"))
        .isEqualTo("{\"type\":[\"integer\",\"null\"],\"format\":\"int32\",\"readOnly\":true}");
    assertThat(schema(d, "posts", "status"))
        .isEqualTo(
            "{\"type\":\"string\",\"format\":\"api.status\",\"default\":\"draft\","
                + "\"enum\":[\"draft\",\"published\"]}");
    assertThat(schema(d, "posts", "score"))
        .isEqualTo("{\"type\":[\"number\",\"null\"],\"format\":\"numeric\",\"default\":1.5}");
    assertThat(schema(d, "posts", "tags"))
        .isEqualTo(
            "{\"type\":\"array\",\"format\":\"text[]\","
                + "\"items\":{\"type\":\"string\",\"format\":\"text\"}}");
    assertThat(schema(d, "posts", "meta")).isEqualTo("{\"format\":\"jsonb\"}");
    assertThat(schema(d, "posts", "created"))
        .isEqualTo("{\"type\":\"string\",\"format\":\"date-time\"}");
    assertThat(schema(d, "posts", "ref"))
        .isEqualTo("{\"type\":[\"string\",\"null\"],\"format\":\"uuid\"}");
    assertThat(d.path("components").path("schemas").path("posts").path("required").toString())
        .isEqualTo("[\"author_id\",\"title\"]");
  }

  @Test
  void aNullableEnumAllowsNull() {
    SchemaCache cache =
        OpenApiFixtures.cache(
            List.of("s"),
            List.of(
                OpenApiFixtures.table(
                    qn("s", "t"),
                    List.of(
                        OpenApiFixtures.column(
                            "mood",
                            "s.mood",
                            true,
                            null,
                            Generated.NONE,
                            List.of("sad", "ok"),
                            null,
                            null)),
                    List.of(),
                    null)),
            List.of(),
            List.of());
    JsonNode d = OpenApiRefs.parse(writer.openapi31(cache, OpenApiFixtures.settings()));
    assertThat(schema(d, "t", "mood"))
        .isEqualTo(
            "{\"type\":[\"string\",\"null\"],\"format\":\"s.mood\",\"enum\":[\"sad\",\"ok\",null]}");
    assertThat(d.path("paths").path("/t").has("put")).as("no primary key, no PUT").isFalse();
  }

  @Test
  void rowsComeAsArraysObjectsOrCsv() {
    JsonNode d = doc();
    JsonNode get = d.path("paths").path("/authors").path("get").path("responses");
    assertThat(get.path("200").toString())
        .isEqualTo("{\"$ref\":\"#/components/responses/rows.authors\",\"description\":\"OK\"}");
    assertThat(get.path("206").path("description").asText()).isEqualTo("Partial Content");
    JsonNode ok = OpenApiRefs.resolve(d, get.path("200").path("$ref").asText()).orElseThrow();
    assertThat(ok.path("content").fieldNames())
        .toIterable()
        .containsExactly(
            "application/json",
            "application/vnd.pgrst.object+json",
            "application/vnd.pgrst.object+json;nulls=stripped",
            "text/csv");
    assertThat(ok.path("content").path("application/json").path("schema").toString())
        .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/authors\"}}");
    JsonNode body = d.path("components").path("requestBodies").path("authors");
    assertThat(body.path("content").path("application/json").path("schema").path("oneOf").size())
        .isEqualTo(2);
  }

  @Test
  void functionsDescribeTheirResults() {
    JsonNode paths = doc().path("paths");
    assertThat(paths.path("/rpc/bump").fieldNames()).toIterable().containsExactly("post");
    assertThat(
            paths
                .path("/rpc/bump")
                .path("post")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema")
                .toString())
        .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/posts\"}}");
    assertThat(paths.path("/rpc/noop").path("post").path("responses").has("204")).isTrue();
    assertThat(
            paths
                .path("/rpc/split")
                .path("get")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema")
                .toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{"
                + "\"head\":{\"type\":[\"string\",\"null\"],\"format\":\"text\"},"
                + "\"tail\":{\"type\":[\"string\",\"null\"],\"format\":\"text\"}}}");
    JsonNode nums = paths.path("/rpc/sum_all").path("get").path("parameters").get(0);
    assertThat(nums.toString())
        .isEqualTo(
            "{\"name\":\"nums\",\"in\":\"query\",\"required\":true,\"style\":\"form\","
                + "\"explode\":true,\"schema\":{\"type\":\"array\","
                + "\"items\":{\"type\":\"integer\",\"format\":\"int32\"}}}");
    JsonNode addBody = paths.path("/rpc/add").path("post").path("requestBody");
    assertThat(addBody.path("required").asBoolean())
        .as("no argument every overload needs")
        .isFalse();
    assertThat(
            addBody
                .path("content")
                .path("application/json")
                .path("schema")
                .path("properties")
                .fieldNames())
        .toIterable()
        .containsExactly("a", "b", "x", "y");
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    assertThat(writer.openapi31(BLOG, OpenApiFixtures.settings()))
        .isEqualTo(
            new OpenApiWriter().openapi31(OpenApiFixtures.blog(), OpenApiFixtures.settings()));
  }
}
