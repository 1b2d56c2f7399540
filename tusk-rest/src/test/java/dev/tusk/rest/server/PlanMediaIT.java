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
 * {@code Accept: application/vnd.pgrst.plan}: refused with PGRST107 unless {@code
 * api.plan_enabled}; with it, the EXPLAIN of the request's statement as JSON or text, for reads,
 * writes and calls. As PostgREST documents, {@code options=analyze} runs the statement, so a write
 * commits unless {@code Prefer: tx=rollback} (with a tx_end that allows it) says otherwise.
 */
@ExtendWith(TuskPostgres.class)
class PlanMediaIT {

  static final String PLAN = "application/vnd.pgrst.plan";
  static final String PLAN_JSON = "application/vnd.pgrst.plan+json";

  static RestServer disabled;
  static RestServer enabled;
  static ApiClient off;
  static ApiClient on;
  static TestDatabase db;
  static String editor;

  @BeforeAll
  static void start(TestDatabase database) throws Exception {
    db = database;
    FixtureServer.load(db);
    disabled = FixtureServer.serve(db, false);
    enabled = FixtureServer.serve(db, true);
    off = new ApiClient(disabled);
    on = new ApiClient(enabled);
    editor = "Bearer " + FixtureServer.token(Map.of("role", "api_editor"));
  }

  @AfterAll
  static void stop() {
    if (disabled != null) {
      disabled.close();
    }
    if (enabled != null) {
      enabled.close();
    }
  }

  static long labels(int id) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM content.labels WHERE id = " + id)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The top plan node of an EXPLAIN (FORMAT JSON) body. */
  static JsonNode topNode(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode plan = json(r);
    assertThat(plan.isArray()).as(r.body()).isTrue();
    return plan.get(0);
  }

  @Test
  void disabledThePlanIsNotAcceptable() throws Exception {
    for (String accept : new String[] {PLAN, PLAN_JSON, PLAN + "+text; options=analyze"}) {
      JsonNode n = assertProblem(406, "PGRST107", off.get("/articles?select=id", "Accept", accept));
      assertThat(n.get("message").asText()).contains("application/vnd.pgrst.plan");
    }
    // Another acceptable type is chosen instead, as content negotiation says.
    HttpResponse<String> fallback =
        off.get("/articles?select=id&id=eq.1", "Accept", PLAN + ", application/json;q=0.5");
    assertThat(fallback.statusCode()).isEqualTo(200);
    assertThat(fallback.body()).isEqualTo("[{\"id\":1}]");
    // A write asking for its plan is refused before it runs.
    long before = labels(50);
    assertProblem(
        406,
        "PGRST107",
        off.send(
            "POST",
            "/labels",
            "{\"id\": 50, \"name\": \"off\"}",
            "Authorization",
            editor,
            "Content-Type",
            "application/json",
            "Accept",
            PLAN_JSON + "; options=analyze"));
    assertThat(labels(50)).isEqualTo(before).isZero();
  }

  @Test
  void aReadAsJsonAndAsText() throws Exception {
    HttpResponse<String> asJson = on.get("/articles?select=id,title&order=id", "Accept", PLAN_JSON);
    JsonNode top = topNode(asJson);
    assertThat(top.path("Plan").path("Node Type").asText()).isNotEmpty();
    assertThat(top.has("Execution Time")).isFalse();
    assertThat(asJson.headers().firstValue("Content-Type"))
        .hasValue(PLAN_JSON + "; for=\"application/json\"; charset=utf-8");
    assertThat(asJson.headers().firstValue("Content-Range")).isEmpty();

    HttpResponse<String> asText = on.get("/articles?select=id,title&order=id", "Accept", PLAN);
    assertThat(asText.statusCode()).as(asText.body()).isEqualTo(200);
    assertThat(asText.headers().firstValue("Content-Type"))
        .hasValue(PLAN + "+text; for=\"application/json\"; charset=utf-8");
    assertThat(asText.body()).contains("cost=").contains("articles").doesNotStartWith("[");
    assertThat(on.get("/articles?select=id", "Accept", PLAN + "+text").body()).contains("cost=");
  }

  @Test
  void forAndOptions() throws Exception {
    HttpResponse<String> csv =
        on.get("/articles?select=id", "Accept", PLAN_JSON + "; for=\"text/csv\"");
    topNode(csv);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValue(PLAN_JSON + "; for=\"text/csv\"; charset=utf-8");

    HttpResponse<String> analyzed =
        on.get("/articles?select=id", "Accept", PLAN_JSON + "; options=verbose|analyze");
    JsonNode top = topNode(analyzed);
    assertThat(top.has("Execution Time")).isTrue();
    assertThat(top.path("Plan").has("Actual Rows")).isTrue();
    assertThat(top.path("Plan").has("Output")).isTrue();
    assertThat(analyzed.headers().firstValue("Content-Type"))
        .hasValue(PLAN_JSON + "; for=\"application/json\"; options=analyze|verbose; charset=utf-8");

    JsonNode all =
        topNode(
            on.get(
                "/articles?select=id",
                "Accept",
                PLAN_JSON + "; options=analyze|verbose|settings|buffers|wal"));
    assertThat(all.has("Execution Time")).isTrue();
    assertThat(all.path("Plan").has("Shared Hit Blocks")).isTrue();

    // Unknown options are ignored, as in PostgREST.
    JsonNode bogus =
        topNode(on.get("/articles?select=id", "Accept", PLAN_JSON + "; options=bogus"));
    assertThat(bogus.has("Execution Time")).isFalse();
    // A plan of a plan is nothing the server produces.
    assertProblem(
        406,
        "PGRST107",
        on.get("/articles?select=id", "Accept", PLAN_JSON + "; for=\"" + PLAN + "\""));
  }

  @Test
  void aWriteIsExplainedWithoutRunningUnlessAnalyzed() throws Exception {
    HttpResponse<String> planned =
        on.send(
            "POST",
            "/labels",
            "{\"id\": 60, \"name\": \"planned\"}",
            "Authorization",
            editor,
            "Content-Type",
            "application/json",
            "Accept",
            PLAN_JSON);
    assertThat(topNode(planned).path("Plan").path("Node Type").asText()).isNotEmpty();
    assertThat(labels(60)).isZero();

    // analyze runs the INSERT and, as in PostgREST, commits it.
    HttpResponse<String> analyzed =
        on.send(
            "POST",
            "/labels",
            "{\"id\": 61, \"name\": \"analyzed\"}",
            "Authorization",
            editor,
            "Content-Type",
            "application/json",
            "Accept",
            PLAN_JSON + "; options=analyze");
    assertThat(topNode(analyzed).has("Execution Time")).isTrue();
    assertThat(labels(61)).isEqualTo(1);

    // Prefer: tx=rollback (allowed by the fixture's commit-allow-override) keeps it from
    // committing.
    HttpResponse<String> rolledBack =
        on.send(
            "POST",
            "/labels",
            "{\"id\": 62, \"name\": \"rolled back\"}",
            "Authorization",
            editor,
            "Content-Type",
            "application/json",
            "Accept",
            PLAN_JSON + "; options=analyze",
            "Prefer",
            "tx=rollback");
    assertThat(topNode(rolledBack).has("Execution Time")).isTrue();
    assertThat(labels(62)).isZero();

    // A write that fails under analyze is its error, not a plan.
    HttpResponse<String> duplicate =
        on.send(
            "POST",
            "/labels",
            "{\"id\": 61, \"name\": \"again\"}",
            "Authorization",
            editor,
            "Content-Type",
            "application/json",
            "Accept",
            PLAN_JSON + "; options=analyze");
    assertProblem(409, "23505", duplicate);
  }

  @Test
  void callsAreExplainedToo() throws Exception {
    assertThat(topNode(on.get("/rpc/add?a=1&b=2", "Accept", PLAN_JSON)).has("Plan")).isTrue();
    assertThat(
            topNode(on.get("/rpc/search_articles?q=a&select=id", "Accept", PLAN_JSON)).has("Plan"))
        .isTrue();
    // A void function is explained, not run: without analyze its RAISE never happens.
    HttpResponse<String> voidCall =
        on.send(
            "POST",
            "/rpc/payment_required",
            "{}",
            "Content-Type",
            "application/json",
            "Accept",
            PLAN_JSON);
    assertThat(topNode(voidCall).has("Plan")).isTrue();
    HttpResponse<String> run =
        on.send(
            "POST",
            "/rpc/payment_required",
            "{}",
            "Content-Type",
            "application/json",
            "Accept",
            PLAN_JSON + "; options=analyze");
    assertProblem(402, "PT402", run);
  }
}
