package dev.tusk.rest.openapi;

import static dev.tusk.rest.openapi.OpenApiFixtures.qn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.rest.schema.SchemaCache;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Swagger 2.0 document, part by part, against what PostgREST emits for the same schema. */
class OpenApiSwagger2Test {

  private static final SchemaCache BLOG = OpenApiFixtures.blog();
  private final OpenApiWriter writer = new OpenApiWriter();

  private JsonNode doc(OpenApiSettings s) {
    JsonNode doc = OpenApiRefs.parse(writer.swagger2(BLOG, s));
    assertThat(OpenApiChecks.swagger2(doc)).isEmpty();
    return doc;
  }

  private JsonNode doc() {
    return doc(OpenApiFixtures.settings());
  }

  private static List<String> refs(JsonNode parameters) {
    List<String> out = new ArrayList<>();
    parameters.forEach(p -> out.add(p.path("$ref").asText()));
    return out;
  }

  @Test
  void topLevelFieldsComeFromTheSettings() {
    JsonNode d = doc();
    assertThat(d.path("swagger").asText()).isEqualTo("2.0");
    assertThat(d.path("info").path("title").asText()).isEqualTo("Tusk API");
    assertThat(d.path("info").path("version").asText()).isEqualTo("0.1.0");
    assertThat(d.path("info").path("description").asText())
        .isEqualTo(Described.DEFAULT_DESCRIPTION);
    assertThat(d.has("host")).isFalse();
    assertThat(d.path("basePath").asText()).isEqualTo("/");
    assertThat(d.path("schemes").toString()).isEqualTo("[\"http\"]");
    assertThat(d.path("produces").toString())
        .isEqualTo(
            "[\"application/json\",\"application/vnd.pgrst.object+json;nulls=stripped\","
                + "\"application/vnd.pgrst.object+json\",\"text/csv\"]");
    assertThat(d.path("consumes")).isEqualTo(d.path("produces"));
    assertThat(d.has("securityDefinitions") || d.has("security")).isFalse();

    JsonNode proxied =
        doc(OpenApiFixtures.settings().withProxyUri(URI.create("https://api.example.com:8443/v1")));
    assertThat(proxied.path("host").asText()).isEqualTo("api.example.com:8443");
    assertThat(proxied.path("basePath").asText()).isEqualTo("/v1");
    assertThat(proxied.path("schemes").toString()).isEqualTo("[\"https\"]");
  }

  @Test
  void theSchemaCommentGivesTitleAndDescription() {
    JsonNode d =
        doc(
            OpenApiFixtures.settings()
                .withSchema("api", Optional.of("Blog API\n\nAll the posts\nand more")));
    assertThat(d.path("info").path("title").asText()).isEqualTo("Blog API");
    assertThat(d.path("info").path("description").asText()).isEqualTo("All the posts\nand more");
    JsonNode oneLine =
        doc(OpenApiFixtures.settings().withSchema("api", Optional.of("Only a title")));
    assertThat(oneLine.path("info").path("title").asText()).isEqualTo("Only a title");
    assertThat(oneLine.path("info").has("description")).isFalse();
  }

  @Test
  void jwtAddsPostgrestsApiKeySecurityDefinition() {
    JsonNode d = doc(OpenApiFixtures.settings().withJwt(true));
    JsonNode jwt = d.path("securityDefinitions").path("JWT");
    assertThat(jwt.path("type").asText()).isEqualTo("apiKey");
    assertThat(jwt.path("in").asText()).isEqualTo("header");
    assertThat(jwt.path("name").asText()).isEqualTo("Authorization");
    assertThat(d.path("security").toString()).isEqualTo("[{\"JWT\":[]}]");
  }

  @Test
  void pathsAreSortedAndCoverTheDefaultSchemaOnly() {
    JsonNode d = doc();
    List<String> keys = new ArrayList<>();
    d.path("paths").fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "/",
            "/author_cards",
            "/authors",
            "/feed",
            "/posts",
            "/readonly_things",
            "/rpc/add",
            "/rpc/bump",
            "/rpc/echo",
            "/rpc/noop",
            "/rpc/split",
            "/rpc/sum_all");
    assertThat(d.path("paths").path("/").path("get").path("tags").get(0).asText())
        .isEqualTo("Introspection");
    List<String> defs = new ArrayList<>();
    d.path("definitions").fieldNames().forEachRemaining(defs::add);
    assertThat(defs).containsExactly("author_cards", "authors", "feed", "posts", "readonly_things");

    JsonNode other = doc(OpenApiFixtures.settings().withSchema("other", Optional.empty()));
    assertThat(other.path("paths").has("/hidden")).isTrue();
    assertThat(other.path("paths").has("/rpc/elsewhere")).isTrue();
    assertThat(other.path("paths").has("/posts")).isFalse();
    assertThatThrownBy(
            () ->
                writer.swagger2(
                    BLOG, OpenApiFixtures.settings().withSchema("nope", Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope' is not an exposed schema");
  }

  @Test
  void methodsFollowWhatTheRelationAllows() {
    JsonNode paths = doc().path("paths");
    assertThat(paths.path("/posts").fieldNames())
        .toIterable()
        .containsExactly("get", "post", "patch", "delete");
    assertThat(paths.path("/feed").fieldNames()).toIterable().containsExactly("get");
    assertThat(paths.path("/readonly_things").fieldNames())
        .toIterable()
        .containsExactly("get", "patch");
  }

  @Test
  void operationsReferenceTheSharedParametersInPostgrestsOrder() {
    JsonNode authors = doc().path("paths").path("/authors");
    assertThat(refs(authors.path("get").path("parameters")))
        .containsExactly(
            "#/parameters/rowFilter.authors.id",
            "#/parameters/rowFilter.authors.name",
            "#/parameters/rowFilter.authors.email",
            "#/parameters/rowFilter.authors.bio",
            "#/parameters/select",
            "#/parameters/order",
            "#/parameters/range",
            "#/parameters/rangeUnit",
            "#/parameters/offset",
            "#/parameters/limit",
            "#/parameters/preferCount");
    assertThat(refs(authors.path("post").path("parameters")))
        .containsExactly(
            "#/parameters/body.authors", "#/parameters/select", "#/parameters/preferPost");
    assertThat(refs(authors.path("patch").path("parameters")))
        .endsWith("#/parameters/body.authors", "#/parameters/preferReturn");
    assertThat(refs(authors.path("delete").path("parameters")))
        .endsWith("#/parameters/rowFilter.authors.bio", "#/parameters/preferReturn");
    JsonNode get = authors.path("get");
    assertThat(get.path("tags").toString()).isEqualTo("[\"authors\"]");
    assertThat(get.path("summary").asText()).isEqualTo("Authors");
    assertThat(get.path("description").asText()).isEqualTo("People who write");
    assertThat(get.path("responses").path("200").path("schema").toString())
        .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/authors\"}}");
    assertThat(get.path("responses").path("206").path("description").asText())
        .isEqualTo("Partial Content");
    assertThat(authors.path("post").path("responses").path("201").path("description").asText())
        .isEqualTo("Created");
    assertThat(authors.path("patch").path("responses").path("204").path("description").asText())
        .isEqualTo("No Content");

    JsonNode params = doc().path("parameters");
    assertThat(params.path("rowFilter.authors.bio").toString())
        .isEqualTo(
            "{\"name\":\"bio\",\"description\":\"About them\",\"required\":false,"
                + "\"in\":\"query\",\"type\":\"string\"}");
    assertThat(params.path("body.authors").path("schema").path("$ref").asText())
        .isEqualTo("#/definitions/authors");
    assertThat(params.path("rangeUnit").path("default").asText()).isEqualTo("items");
    assertThat(params.path("preferCount").path("enum").toString())
        .isEqualTo("[\"count=exact\",\"count=planned\",\"count=estimated\"]");
  }

  @Test
  void includedTablesAndFunctionsOnlyWhenFollowingPrivileges() {
    JsonNode d =
        doc(
            OpenApiFixtures.settings()
                .onlyIncluding(Set.of(qn("api", "authors")), Set.of(qn("api", "add"))));
    List<String> keys = new ArrayList<>();
    d.path("paths").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("/", "/authors", "/rpc/add");
    assertThat(d.path("definitions").size()).isEqualTo(1);
    assertThat(d.path("parameters").has("rowFilter.posts.id")).isFalse();
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    assertThat(writer.swagger2(BLOG, OpenApiFixtures.settings()))
        .isEqualTo(
            new OpenApiWriter().swagger2(OpenApiFixtures.blog(), OpenApiFixtures.settings()));
  }
}
