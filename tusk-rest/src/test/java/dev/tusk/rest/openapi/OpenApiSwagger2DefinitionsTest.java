package dev.tusk.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Swagger 2.0 definitions (types, notes, defaults, required) and function paths. */
class OpenApiSwagger2DefinitionsTest {

  private static final JsonNode DOC =
      OpenApiRefs.parse(
          new OpenApiWriter().swagger2(OpenApiFixtures.blog(), OpenApiFixtures.settings()));

  private static String property(String table, String column) {
    return DOC.path("definitions").path(table).path("properties").path(column).toString();
  }

  private static JsonNode rpc(String name) {
    return DOC.path("paths").path("/rpc/" + name);
  }

  @Test
  void columnsGetPostgrestsTypesAndFormats() {
    assertThat(property("posts", "id"))
        .isEqualTo(
            "{\"description\":\"Note:\\nThis is a Primary Key.<pk/>\","
                + "\"format\":\"bigint\",\"type\":\"integer\"}");
    assertThat(property("posts", "title"))
        .isEqualTo(
            "{\"description\":\"The headline\",\"format\":\"character varying\","
                + "\"maxLength\":200,\"type\":\"string\"}");
    assertThat(property("posts", "status"))
        .isEqualTo(
            "{\"default\":\"draft\",\"enum\":[\"draft\",\"published\"],"
                + "\"format\":\"api.status\",\"type\":\"string\"}");
    assertThat(property("posts", "tags"))
        .isEqualTo("{\"format\":\"text[]\",\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    assertThat(property("posts", "meta")).isEqualTo("{\"format\":\"jsonb\"}");
    assertThat(property("posts", "score"))
        .isEqualTo("{\"default\":1.5,\"format\":\"numeric\",\"type\":\"number\"}");
    assertThat(property("posts", "published"))
        .isEqualTo("{\"default\":false,\"format\":\"boolean\",\"type\":\"boolean\"}");
    assertThat(property("posts", "created"))
        .as("now() is an expression, not a value to pre-fill")
        .isEqualTo("{\"format\":\"timestamp with time zone\",\"type\":\"string\"}");
    assertThat(property("posts", "ref")).isEqualTo("{\"format\":\"uuid\",\"type\":\"string\"}");
    assertThat(property("posts", "day")).isEqualTo("{\"format\":\"date\",\"type\":\"string\"}");
    assertThat(property("authors", "email"))
        .isEqualTo("{\"format\":\"character varying\",\"maxLength\":100,\"type\":\"string\"}");
  }

  @Test
  void propertiesKeepColumnOrder() {
    assertThat(DOC.path("definitions").path("authors").path("properties").fieldNames())
        .toIterable()
        .containsExactly("id", "name", "email", "bio");
  }

  @Test
  void keysGetPostgrestsNotes() {
    assertThat(property("posts", "author_id"))
        .isEqualTo(
            "{\"description\":\"Note:\\nThis is a Foreign Key to `authors.id`."
                + "<fk table='authors' column='id'/>\",\"format\":\"integer\",\"type\":\"integer\"}");
    assertThat(
            DOC.path("definitions")
                .path("feed")
                .path("properties")
                .path("author_id")
                .path("description")
                .asText())
        .as("a key reaching a table and a view names the table")
        .isEqualTo(
            "Note:\nThis is a Foreign Key to `authors.id`.<fk table='authors' column='id'/>");
    assertThat(
            DOC.path("definitions")
                .path("feed")
                .path("properties")
                .path("id")
                .path("description")
                .asText())
        .isEqualTo("Note:\nThis is a Primary Key.<pk/>");
  }

  @Test
  void requiredListsWhatAnInsertMustSend() {
    assertThat(DOC.path("definitions").path("posts").path("required").toString())
        .isEqualTo("[\"author_id\",\"title\"]");
    assertThat(DOC.path("definitions").path("authors").path("required").toString())
        .isEqualTo("[\"id\",\"name\"]");
    assertThat(DOC.path("definitions").path("feed").has("required")).isFalse();
    assertThat(DOC.path("definitions").path("authors").path("description").asText())
        .isEqualTo("Authors\n\nPeople who write");
    assertThat(DOC.path("definitions").path("authors").path("type").asText()).isEqualTo("object");
  }

  @Test
  void overloadsShareOnePathWithMergedArguments() {
    JsonNode add = rpc("add");
    assertThat(add.fieldNames()).toIterable().containsExactly("get", "post");
    JsonNode post = add.path("post");
    assertThat(post.path("tags").toString()).isEqualTo("[\"(rpc) add\"]");
    assertThat(post.path("summary").asText()).isEqualTo("Adds");
    assertThat(post.path("description").asText()).isEqualTo("Two numbers");
    assertThat(post.path("produces").size()).isEqualTo(3);
    JsonNode args = post.path("parameters").get(0);
    assertThat(args.path("name").asText()).isEqualTo("args");
    assertThat(args.path("in").asText()).isEqualTo("body");
    assertThat(args.path("schema").toString())
        .isEqualTo(
            "{\"description\":\"Adds\\nTwo numbers\",\"type\":\"object\",\"properties\":{"
                + "\"a\":{\"format\":\"integer\",\"type\":\"integer\"},"
                + "\"b\":{\"format\":\"integer\",\"type\":\"integer\"},"
                + "\"x\":{\"format\":\"text\",\"type\":\"string\"},"
                + "\"y\":{\"format\":\"text\",\"type\":\"string\"}}}");
    assertThat(post.path("parameters").get(1).path("$ref").asText())
        .isEqualTo("#/parameters/preferParams");
    assertThat(add.path("get").path("parameters").get(0).toString())
        .isEqualTo(
            "{\"name\":\"a\",\"required\":false,\"in\":\"query\",\"format\":\"integer\","
                + "\"type\":\"integer\"}");
  }

  @Test
  void volatileFunctionsArePostOnly() {
    assertThat(rpc("bump").fieldNames()).toIterable().containsExactly("post");
    assertThat(rpc("noop").fieldNames()).toIterable().containsExactly("post");
    assertThat(rpc("split").fieldNames()).toIterable().containsExactly("get", "post");
  }

  @Test
  void argumentShapes() {
    assertThat(rpc("sum_all").path("get").path("parameters").get(0).toString())
        .isEqualTo(
            "{\"name\":\"nums\",\"required\":true,\"in\":\"query\",\"type\":\"array\","
                + "\"collectionFormat\":\"multi\",\"items\":{\"type\":\"integer\","
                + "\"format\":\"integer\"}}");
    assertThat(rpc("echo").path("post").path("parameters").get(0).path("schema").toString())
        .as("a single unnamed json parameter takes the whole body")
        .isEqualTo("{\"format\":\"json\"}");
    assertThat(rpc("echo").path("get").path("parameters").size()).isZero();
    assertThat(
            rpc("split")
                .path("post")
                .path("parameters")
                .get(0)
                .path("schema")
                .path("required")
                .toString())
        .as("OUT parameters are not arguments")
        .isEqualTo("[\"s\"]");
    assertThat(
            rpc("split")
                .path("post")
                .path("parameters")
                .get(0)
                .path("schema")
                .path("properties")
                .fieldNames())
        .toIterable()
        .containsExactly("s");
  }
}
