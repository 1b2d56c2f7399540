package dev.tusk.rest.server;

import static dev.tusk.rest.server.ApiClient.assertProblem;
import static dev.tusk.rest.server.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code Prefer: timezone} and RPC calls with an array body, over HTTP against the conformance
 * fixture, as PostgREST v12 behaves: a time zone in {@code pg_timezone_names} is applied for the
 * transaction and listed in Preference-Applied, any other is ignored (or PGRST122 under {@code
 * handling=strict}); an array body calls the function once, with its first object.
 */
@ExtendWith(TuskPostgres.class)
class TimezoneAndRpcIT {

  static final String ARTICLE_1 = "/articles?select=published_at&id=eq.1";

  static RestServer server;
  static ApiClient api;
  static TestDatabase db;

  @BeforeAll
  static void start(TestDatabase database) throws Exception {
    db = database;
    server = FixtureServer.start(db);
    api = new ApiClient(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String publishedAt(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r).get(0).get("published_at").asText();
  }

  static String sql(String query) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aKnownTimezoneRendersTimestampsInIt() throws Exception {
    // 2024-05-01T00:00:00Z in the fixture.
    HttpResponse<String> la = api.get(ARTICLE_1, "Prefer", "timezone=America/Los_Angeles");
    assertThat(publishedAt(la)).isEqualTo("2024-04-30T17:00:00-07:00");
    assertThat(la.headers().firstValue("Preference-Applied"))
        .hasValue("timezone=America/Los_Angeles");
    HttpResponse<String> kolkata = api.get(ARTICLE_1, "Prefer", "timezone=Asia/Kolkata");
    assertThat(publishedAt(kolkata)).isEqualTo("2024-05-01T05:30:00+05:30");
    // Local to the transaction: the pooled connections go back to the server's zone.
    String plain = publishedAt(api.get(ARTICLE_1));
    for (int i = 0; i < 8; i++) {
      assertThat(publishedAt(api.get(ARTICLE_1))).isEqualTo(plain);
    }
    assertThat(plain).isNotIn("2024-04-30T17:00:00-07:00", "2024-05-01T05:30:00+05:30");
  }

  @Test
  void theTimezoneAppliesToWritesAndFunctionsToo() throws Exception {
    String editor = FixtureServer.token(Map.of("role", "api_editor"));
    HttpResponse<String> write =
        api.send(
            "POST",
            "/comments?select=created_at",
            "{\"article_id\": 1, \"author\": \"tz\", \"body\": \"b\","
                + " \"created_at\": \"2024-01-01T12:00:00Z\"}",
            "Authorization",
            "Bearer " + editor,
            "Content-Type",
            "application/json",
            "Prefer",
            "return=representation, tx=rollback, timezone=Asia/Tokyo");
    assertThat(write.statusCode()).as(write.body()).isEqualTo(201);
    assertThat(json(write).get(0).get("created_at").asText())
        .isEqualTo("2024-01-01T21:00:00+09:00");
    assertThat(write.headers().firstValue("Preference-Applied"))
        .hasValue("return=representation, tx=rollback, timezone=Asia/Tokyo");
    HttpResponse<String> rpc =
        api.get(
            "/rpc/search_articles?q=Postgres&select=published_at",
            "Prefer",
            "timezone=Pacific/Auckland");
    assertThat(publishedAt(rpc)).isEqualTo("2024-05-01T12:00:00+12:00");
  }

  @Test
  void anUnknownTimezoneIsIgnoredLeniently() throws Exception {
    String plain = publishedAt(api.get(ARTICLE_1));
    for (String zone :
        new String[] {
          "Jupiter/Red_Spot",
          "america/los_angeles", // PostgreSQL would take it; PostgREST matches names exactly
          "UTC', true); DROP TABLE content.articles; --",
          "+05:30"
        }) {
      HttpResponse<String> r = api.get(ARTICLE_1, "Prefer", "timezone=" + zone);
      assertThat(publishedAt(r)).as(zone).isEqualTo(plain);
      assertThat(r.headers().firstValue("Preference-Applied")).as(zone).isEmpty();
    }
    assertThat(sql("SELECT count(*) FROM content.articles")).isEqualTo("6");
  }

  @Test
  void anUnknownTimezoneIsPgrst122UnderStrictHandling() throws Exception {
    HttpResponse<String> r =
        api.get(ARTICLE_1, "Prefer", "handling=strict, timezone=Jupiter/Red_Spot");
    JsonNode n = assertProblem(400, "PGRST122", r);
    assertThat(n.get("details").asText())
        .isEqualTo("Invalid preferences: timezone=Jupiter/Red_Spot");
    HttpResponse<String> ok =
        api.get(ARTICLE_1, "Prefer", "handling=strict, timezone=Europe/Paris");
    assertThat(publishedAt(ok)).isEqualTo("2024-05-01T02:00:00+02:00");
    assertThat(ok.headers().firstValue("Preference-Applied"))
        .hasValue("handling=strict, timezone=Europe/Paris");
  }

  // --- RPC with an array body ---

  @Test
  void anArrayBodyCallsTheFunctionOnceWithTheFirstObject() throws Exception {
    HttpResponse<String> r =
        api.send(
            "POST",
            "/rpc/add",
            "[{\"a\": 1, \"b\": 2}, {\"a\": 30, \"b\": 40}]",
            "Content-Type",
            "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("3");
    // params=multiple-objects was removed in PostgREST 11: an unknown preference, so ignored.
    HttpResponse<String> multiple =
        api.send(
            "POST",
            "/rpc/add",
            "[{\"a\": 1, \"b\": 2}, {\"a\": 30, \"b\": 40}]",
            "Content-Type",
            "application/json",
            "Prefer",
            "params=multiple-objects");
    assertThat(multiple.statusCode()).isEqualTo(200);
    assertThat(multiple.body()).isEqualTo("3");
    assertThat(multiple.headers().firstValue("Preference-Applied")).isEmpty();
    JsonNode strict =
        assertProblem(
            400,
            "PGRST122",
            api.send(
                "POST",
                "/rpc/add",
                "[{\"a\": 1, \"b\": 2}]",
                "Content-Type",
                "application/json",
                "Prefer",
                "handling=strict, params=multiple-objects"));
    assertThat(strict.get("details").asText())
        .isEqualTo("Invalid preferences: params=multiple-objects");
  }

  @Test
  void aVolatileFunctionRunsOnceForAnArray() throws Exception {
    String editor = FixtureServer.token(Map.of("role", "api_editor"));
    HttpResponse<String> r =
        api.send(
            "POST",
            "/rpc/publish_article?select=id,status",
            "[{\"article_id\": 2}, {\"article_id\": 6}]",
            "Authorization",
            "Bearer " + editor,
            "Content-Type",
            "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(json(r)).isEqualTo(ApiClient.JSON.readTree("{\"id\":2,\"status\":\"published\"}"));
    assertThat(sql("SELECT status FROM content.articles WHERE id = 2")).isEqualTo("published");
    assertThat(sql("SELECT status FROM content.articles WHERE id = 6")).isEqualTo("draft");
  }

  @Test
  void anArrayBodyMustHoldObjectsWithTheSameKeys() throws Exception {
    JsonNode mixed =
        assertProblem(
            400,
            "PGRST102",
            api.send(
                "POST",
                "/rpc/add",
                "[{\"a\": 1, \"b\": 2}, {\"a\": 3}]",
                "Content-Type",
                "application/json"));
    assertThat(mixed.get("message").asText()).isEqualTo("All object keys must match");
    assertProblem(
        400,
        "PGRST102",
        api.send("POST", "/rpc/add", "[1, 2]", "Content-Type", "application/json"));
    // No object, no arguments: add(a, b) does not fit.
    assertProblem(
        404, "PGRST202", api.send("POST", "/rpc/add", "[]", "Content-Type", "application/json"));
  }
}
