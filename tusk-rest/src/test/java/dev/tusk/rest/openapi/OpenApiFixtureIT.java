package dev.tusk.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.rest.schema.QualifiedName;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.SchemaCacheLoader;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both documents for the conformance fixture (plus the schema tests' extras: enum, domains,
 * generated columns, overloads, variadic, RETURNS TABLE, void) loaded into a real server, exposed
 * as the conformance server exposes it: content (default) and identity.
 */
@ExtendWith(TuskPostgres.class)
class OpenApiFixtureIT {

  private static SchemaCache cache;
  private static JsonNode v2;
  private static JsonNode v3;

  @BeforeAll
  static void load(TestDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      OpenApiSql.run(c, "/conformance/fixture.sql");
      OpenApiSql.run(c, "/schema/extras.sql");
      try (Statement s = c.createStatement()) {
        s.execute("COMMENT ON SCHEMA content IS 'Content API\n\nArticles and comments'");
      }
      cache = SchemaCacheLoader.load(c, List.of("content", "identity"), Clock.systemUTC());
    }
    OpenApiSettings s =
        OpenApiSettings.defaults("Tusk API", "0.1.0")
            .withHost(Optional.of("localhost:3000"))
            .withJwt(true)
            .withSchema("content", Optional.of("Content API\n\nArticles and comments"));
    OpenApiWriter writer = new OpenApiWriter();
    v2 = OpenApiRefs.parse(writer.swagger2(cache, s));
    v3 = OpenApiRefs.parse(writer.openapi31(cache, s));
  }

  private static JsonNode column(String table, String column) {
    return v2.path("definitions").path(table).path("properties").path(column);
  }

  private static JsonNode column31(String table, String column) {
    return v3.path("components").path("schemas").path(table).path("properties").path(column);
  }

  private static List<String> methods(JsonNode doc, String path) {
    List<String> out = new java.util.ArrayList<>();
    doc.path("paths").path(path).fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void bothDocumentsAreStructurallyValid() {
    assertThat(OpenApiChecks.swagger2(v2)).isEmpty();
    assertThat(OpenApiChecks.openapi31(v3)).isEmpty();
    assertThat(v2.path("info").path("title").asText()).isEqualTo("Content API");
    assertThat(v2.path("info").path("description").asText()).isEqualTo("Articles and comments");
    assertThat(v2.path("host").asText()).isEqualTo("localhost:3000");
    assertThat(v2.path("securityDefinitions").has("JWT")).isTrue();
  }

  @Test
  void everyTableViewAndFunctionOfTheDefaultSchemaHasAPath() {
    for (var t : cache.tables()) {
      boolean content = t.name().schema().equals("content");
      assertThat(v2.path("paths").has("/" + t.name().name()))
          .as(t.name().toString())
          .isEqualTo(content);
      assertThat(v3.path("paths").has("/" + t.name().name()))
          .as(t.name().toString())
          .isEqualTo(content);
    }
    for (QualifiedName fn : cache.routines().keySet()) {
      assertThat(v2.path("paths").has("/rpc/" + fn.name())).as(fn.toString()).isTrue();
    }
    assertThat(v2.path("paths").has("/assets")).as("media is not exposed").isFalse();
    assertThat(v2.path("paths").has("/users")).as("identity is not the default").isFalse();
  }

  @Test
  void methodsFollowWritabilityAndVolatility() {
    assertThat(methods(v2, "/articles")).containsExactly("get", "post", "patch", "delete");
    assertThat(methods(v2, "/article_cards")).containsExactly("get");
    assertThat(methods(v2, "/category_counts")).containsExactly("get");
    assertThat(methods(v2, "/published_articles"))
        .containsExactly("get", "post", "patch", "delete");
    assertThat(methods(v3, "/articles")).containsExactly("get", "post", "put", "patch", "delete");
    assertThat(methods(v2, "/rpc/add")).containsExactly("get", "post");
    assertThat(methods(v2, "/rpc/search_articles")).containsExactly("get", "post");
    assertThat(methods(v2, "/rpc/publish_article")).containsExactly("post");
    assertThat(methods(v2, "/rpc/payment_required")).containsExactly("post");
  }

  @Test
  void columnTypesKeysAndComments() {
    assertThat(column("articles", "id").toString())
        .isEqualTo(
            "{\"description\":\"Note:\\nThis is a Primary Key.<pk/>\","
                + "\"format\":\"bigint\",\"type\":\"integer\"}");
    assertThat(column("articles", "owner_id").path("description").asText())
        .isEqualTo("Note:\nThis is a Foreign Key to `users.id`.<fk table='users' column='id'/>");
    assertThat(column("articles", "owner_id").path("format").asText()).isEqualTo("uuid");
    assertThat(column("articles", "category_id").path("description").asText())
        .contains("`categories.id`");
    assertThat(column("articles", "title").path("description").asText()).isEqualTo("The headline");
    assertThat(column("articles", "tags").toString())
        .isEqualTo("{\"format\":\"text[]\",\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
    assertThat(column("articles", "metadata").toString()).isEqualTo("{\"format\":\"jsonb\"}");
    assertThat(column("articles", "status").path("default").asText()).isEqualTo("draft");
    assertThat(column("articles", "published_at").path("format").asText())
        .isEqualTo("timestamp with time zone");
    assertThat(v2.path("definitions").path("articles").path("required").toString())
        .isEqualTo("[\"owner_id\",\"title\"]");
    assertThat(v2.path("definitions").path("articles").path("description").asText())
        .isEqualTo("Articles, one per post");
    assertThat(column("reactions", "mood").path("enum").toString())
        .isEqualTo("[\"sad\",\"ok\",\"happy\"]");
    assertThat(column("reactions", "mood").path("default").asText()).isEqualTo("ok");
    assertThat(column("reactions", "note").toString())
        .isEqualTo("{\"format\":\"character varying\",\"maxLength\":20,\"type\":\"string\"}");
    assertThat(column("reactions", "code").path("format").asText()).isEqualTo("character");
    assertThat(column("reactions", "code").path("maxLength").asInt()).isEqualTo(3);
    assertThat(column("article_stats", "article_id").path("description").asText())
        .isEqualTo(
            "Note:\nThis is a Primary Key.<pk/>\nThis is a Foreign Key to `articles.id`."
                + "<fk table='articles' column='id'/>");

    assertThat(column31("articles", "word_count").toString())
        .isEqualTo("{\"type\":[\"integer\",\"null\"],\"format\":\"int32\"}");
    assertThat(column31("articles", "published_at").path("format").asText()).isEqualTo("date-time");
    assertThat(column31("reactions", "id").path("readOnly").asBoolean()).isTrue();
    assertThat(column31("reactions", "doubled").path("readOnly").asBoolean()).isTrue();
  }

  @Test
  void functionsDescribeArgumentsAndResults() {
    JsonNode add = v2.path("paths").path("/rpc/add").path("post");
    assertThat(add.path("summary").asText()).isEqualTo("Adds two numbers");
    assertThat(add.path("parameters").get(0).path("schema").path("properties").fieldNames())
        .toIterable()
        .containsExactly("a", "b", "x", "y");
    JsonNode sumAll = v2.path("paths").path("/rpc/sum_all").path("get").path("parameters").get(0);
    assertThat(sumAll.path("collectionFormat").asText()).isEqualTo("multi");
    JsonNode search =
        v3.path("paths").path("/rpc/search_articles").path("get").path("responses").path("200");
    assertThat(search.path("content").path("application/json").path("schema").toString())
        .isEqualTo("{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/articles\"}}");
    assertThat(v3.path("paths").path("/rpc/noop").path("post").path("responses").has("204"))
        .isTrue();
    JsonNode titles =
        v3.path("paths")
            .path("/rpc/article_titles")
            .path("get")
            .path("responses")
            .path("200")
            .path("content")
            .path("application/json")
            .path("schema");
    assertThat(titles.path("type").asText()).isEqualTo("array");
    assertThat(titles.path("items").path("properties").fieldNames())
        .toIterable()
        .containsExactly("id", "title");
    assertThat(
            v3.path("paths")
                .path("/rpc/article_titles")
                .path("get")
                .path("parameters")
                .get(0)
                .path("required")
                .asBoolean())
        .as("min_words has a default")
        .isFalse();
  }

  @Test
  void theOtherSchemaAndAPrivilegeFilter() {
    OpenApiWriter writer = new OpenApiWriter();
    OpenApiSettings base = OpenApiSettings.defaults("Tusk API", "0.1.0");
    JsonNode identity =
        OpenApiRefs.parse(writer.swagger2(cache, base.withSchema("identity", Optional.empty())));
    assertThat(OpenApiChecks.swagger2(identity)).isEmpty();
    List<String> paths = new java.util.ArrayList<>();
    identity.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).containsExactly("/", "/users");
    JsonNode anon =
        OpenApiRefs.parse(
            writer.openapi31(
                cache,
                base.onlyIncluding(
                    Set.of(QualifiedName.of("content", "articles")),
                    Set.of(QualifiedName.of("content", "add")))));
    assertThat(OpenApiChecks.openapi31(anon)).isEmpty();
    paths.clear();
    anon.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).containsExactly("/", "/articles", "/rpc/add");
  }
}
