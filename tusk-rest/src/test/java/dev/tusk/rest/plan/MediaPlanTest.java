package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.error;
import static dev.tusk.rest.plan.Plans.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.ResponseKind;
import dev.tusk.rest.request.MediaType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The body PostgreSQL renders for each media type, HEAD, and the EXPLAIN media type. */
class MediaPlanTest {

  private static String body(QueryPlan p) {
    String sql = p.main().sql();
    return sql.substring(sql.indexOf("count(*) AS page_total, ") + 24, sql.indexOf(" AS body"));
  }

  @Test
  void jsonIsAnArray() {
    QueryPlan p = get("/articles");
    assertThat(body(p)).isEqualTo("coalesce(json_agg(_t), '[]')::text");
    assertThat(p.shape().media()).isEqualTo(new MediaType.Json());
    assertThat(p.shape().kind()).isEqualTo(ResponseKind.READ);
    assertThat(p.shape().singular()).isFalse();
  }

  @Test
  void singularIsTheFirstRowItself() {
    QueryPlan p = get("/articles", "Accept", "application/vnd.pgrst.object+json");
    assertThat(body(p)).isEqualTo("coalesce(json_agg(_t)->0, 'null')::text");
    assertThat(p.shape().singular()).isTrue();
  }

  @Test
  void strippedNulls() {
    assertThat(body(get("/articles", "Accept", "application/vnd.pgrst.array+json;nulls=stripped")))
        .isEqualTo("coalesce(json_agg(json_strip_nulls(row_to_json(_t))), '[]')::text");
    assertThat(body(get("/articles", "Accept", "application/vnd.pgrst.object+json;nulls=stripped")))
        .isEqualTo("coalesce(json_strip_nulls(json_agg(_t)->0), 'null')::text");
  }

  @Test
  void csvIsAHeaderFromTheFirstRowAndOneLinePerRow() {
    assertThat(body(get("/articles", "Accept", "text/csv")))
        .isEqualTo(
            "(SELECT coalesce(string_agg(_k, ','), '') FROM json_object_keys((SELECT row_to_json(_h)"
                + " FROM \"pgrst_source\" AS _h LIMIT 1)) AS _k) || chr(10) ||"
                + " coalesce(string_agg(substr(_t::text, 2, length(_t::text) - 2), chr(10)), '')");
  }

  @Test
  void headRendersNoBody() {
    QueryPlan p = Plans.plan("HEAD", "/articles", null, Plans.SETTINGS);
    assertThat(body(p)).isEqualTo("NULL::text");
    assertThat(p.shape().headOnly()).isTrue();
  }

  @Test
  void planMediaExplainsTheMainStatement() {
    QueryPlan p =
        get(
            "/articles?select=id&id=eq.1",
            "Accept",
            "application/vnd.pgrst.plan+json; options=analyze|verbose");
    assertThat(p.main().sql())
        .startsWith("EXPLAIN (FORMAT JSON, ANALYZE, VERBOSE) WITH \"pgrst_source\" AS (");
    assertThat(p.main().params()).containsExactly("1");
    assertThat(p.estimatedCount()).isEmpty();
    assertThat(get("/articles", "Accept", "application/vnd.pgrst.plan").main().sql())
        .startsWith("EXPLAIN (FORMAT TEXT) WITH");
  }

  @Test
  void planMediaIsRefusedWhenDisabled() {
    PlanSettings off = new PlanSettings(Optional.empty(), true, false, List.of("content"));
    PlanError e =
        error(
            () ->
                Plans.plan("GET", "/articles", null, off, "Accept", "application/vnd.pgrst.plan"));
    assertThat(e.code()).isEqualTo("PGRST107");
    assertThat(e.status()).isEqualTo(406);
    QueryPlan fallback =
        Plans.plan(
            "GET",
            "/articles",
            null,
            off,
            "Accept",
            "application/vnd.pgrst.plan, application/json;q=0.5");
    assertThat(fallback.main().sql()).startsWith("WITH");
  }

  @Test
  void unavailableMediaIsPgrst107() {
    PlanError e = error(() -> get("/articles", "Accept", "image/png"));
    assertThat(e.code()).isEqualTo("PGRST107");
    assertThat(e.message()).isEqualTo("None of these media types are available: image/png");
  }
}
