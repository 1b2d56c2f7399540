package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.error;
import static dev.tusk.rest.plan.Plans.get;
import static dev.tusk.rest.plan.Plans.normal;
import static dev.tusk.rest.plan.Plans.rowParams;
import static dev.tusk.rest.plan.Plans.rows;
import static dev.tusk.rest.plan.Plans.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.ResponseKind;
import org.junit.jupiter.api.Test;

/** /rpc/fn: overload choice, argument passing, and how each return shape becomes the body. */
class RpcPlanTest {

  private static String body(QueryPlan p) {
    String sql = p.main().sql();
    return sql.substring(sql.indexOf("AS page_total, ") + 15, sql.indexOf(" AS body"));
  }

  @Test
  void getPassesNamedTextArgumentsCastToTheParameterTypes() {
    QueryPlan p = get("/rpc/add?b=2&a=1");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "add"."add" AS "add"
                FROM "content"."add"("a" := ?::integer, "b" := ?::integer) AS "add"("add")
                """));
    assertThat(rowParams(p)).containsExactly("1", "2");
    assertThat(body(p)).isEqualTo("coalesce(json_agg(_t.\"add\")->0, 'null')::text");
    assertThat(p.readOnly()).isTrue();
    assertThat(p.shape().kind()).isEqualTo(ResponseKind.RPC);
  }

  @Test
  void overloadsByArgumentNames() {
    assertThat(rows(get("/rpc/add?x=a&y=b")))
        .contains("\"content\".\"add\"(\"x\" := ?::text, \"y\" := ?::text)");
    PlanError e = error(() -> get("/rpc/add?a=1"));
    assertThat(e.code()).isEqualTo("PGRST202");
    assertThat(e.status()).isEqualTo(404);
  }

  @Test
  void postPassesTheBodyThroughJsonToRecord() {
    QueryPlan p = send("POST", "/rpc/add", "{\"a\":1,\"b\":\"2\"}");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "add"."add" AS "add"
                FROM json_to_record(?::json) AS "pgrst_args_1"("a" integer, "b" integer)
                CROSS JOIN LATERAL "content"."add"("a" := "pgrst_args_1"."a", "b" := "pgrst_args_1"."b")
                AS "add"("add")
                """));
    assertThat(rowParams(p)).containsExactly("{\"a\":1,\"b\":\"2\"}");
    assertThat(p.readOnly()).isFalse();
  }

  @Test
  void variadic() {
    QueryPlan g = get("/rpc/sum_all?nums=1&nums=%222%22&nums=x,y");
    assertThat(rows(g)).contains("\"content\".\"sum_all\"(VARIADIC \"nums\" := ?::integer[])");
    assertThat(rowParams(g)).containsExactly("{\"1\",\"\\\"2\\\"\",\"x,y\"}");
    assertThat(rows(send("POST", "/rpc/sum_all", "{\"nums\":[1,2]}")))
        .contains("AS \"pgrst_args_1\"(\"nums\" integer[])")
        .contains("\"content\".\"sum_all\"(VARIADIC \"nums\" := \"pgrst_args_1\".\"nums\")");
  }

  @Test
  void defaultedParametersMayBeLeftOut() {
    assertThat(rows(get("/rpc/article_titles")))
        .isEqualTo(
            "SELECT \"article_titles\".* FROM \"content\".\"article_titles\"() AS \"article_titles\"");
    assertThat(rows(send("POST", "/rpc/article_titles", "")))
        .isEqualTo(
            "SELECT \"article_titles\".* FROM \"content\".\"article_titles\"() AS \"article_titles\"");
  }

  @Test
  void tableFunctionsAreReadLikeTables() {
    QueryPlan p =
        get(
            "/rpc/search_articles?q=x&select=id,categories(name)&status=eq.published&order=id&limit=5",
            "Prefer",
            "count=exact");
    assertThat(rows(p))
        .startsWith(
            "SELECT \"search_articles\".\"id\" AS \"id\", \"search_articles_categories_1\".\"pgrst_json\" AS \"categories\""
                + " FROM \"content\".\"search_articles\"(\"q\" := ?::text) AS \"search_articles\" LEFT JOIN LATERAL")
        .contains("WHERE \"categories_1\".\"id\" = \"search_articles\".\"category_id\"")
        .endsWith(
            "WHERE \"search_articles\".\"status\" = ? ORDER BY \"search_articles\".\"id\" LIMIT ?");
    assertThat(body(p)).isEqualTo("coalesce(json_agg(_t), '[]')::text");
    assertThat(p.main().sql())
        .contains(
            "(SELECT count(*) FROM (SELECT 1 FROM \"content\".\"search_articles\"(\"q\" := ?::text)");
  }

  @Test
  void aSingleRowIsAnObjectAndSetsOfScalarsAnArray() {
    assertThat(body(send("POST", "/rpc/publish_article", "{\"article_id\":1}")))
        .isEqualTo("coalesce(json_agg(_t)->0, 'null')::text");
    assertThat(body(get("/rpc/label_names")))
        .isEqualTo("coalesce(json_agg(_t.\"label_names\"), '[]')::text");
    assertThat(body(get("/rpc/split?s=ab"))).isEqualTo("coalesce(json_agg(_t)->0, 'null')::text");
    assertThat(body(get("/rpc/article_titles"))).isEqualTo("coalesce(json_agg(_t), '[]')::text");
  }

  @Test
  void voidCallsReturnNoRowsAndNoBody() {
    QueryPlan p = send("POST", "/rpc/payment_required", "{}");
    assertThat(p.shape().kind()).isEqualTo(ResponseKind.RPC_VOID);
    assertThat(p.main().sql())
        .isEqualTo(
            normal(
                """
                WITH "pgrst_source" AS (SELECT FROM "content"."payment_required"() AS "payment_required"("payment_required"))
                SELECT NULL::bigint AS total, 0::bigint AS page_total, NULL::text AS body, NULL::text AS location,
                current_setting('response.headers', true) AS response_headers,
                current_setting('response.status', true) AS response_status, NULL::bigint AS inserted
                FROM (SELECT count(*) FROM "pgrst_source") AS _t
                """));
  }

  @Test
  void oneUnnamedJsonParameterTakesTheWholeBody() {
    QueryPlan p = send("POST", "/rpc/echo", "[1, {\"a\": 2}]");
    assertThat(rows(p))
        .isEqualTo(
            "SELECT \"echo\".\"echo\" AS \"echo\" FROM \"content\".\"echo\"(?::json) AS \"echo\"(\"echo\")");
    assertThat(rowParams(p)).containsExactly("[1,{\"a\":2}]");
  }

  @Test
  void textAndSingleObjectBodies() {
    QueryPlan text = send("POST", "/rpc/upper_text", "abc", "Content-Type", "text/plain");
    assertThat(rows(text)).contains("\"content\".\"upper_text\"(?::text)");
    assertThat(rowParams(text)).containsExactly("abc");
    QueryPlan single =
        send("POST", "/rpc/take_object", "{\"x\":1}", "Prefer", "params=single-object");
    assertThat(rows(single)).contains("\"content\".\"take_object\"(\"payload\" := ?::jsonb)");
    assertThat(rowParams(single)).containsExactly("{\"x\":1}");
    assertThat(single.shape().preferenceApplied()).containsExactly("params=single-object");
  }

  @Test
  void anArrayBodyIsOneCallWithItsFirstObject() {
    QueryPlan p = send("POST", "/rpc/add", "[{\"a\":1,\"b\":2},{\"a\":3,\"b\":4}]");
    assertThat(rows(p))
        .contains(
            "\"content\".\"add\"(\"a\" := \"pgrst_args_1\".\"a\", \"b\" := \"pgrst_args_1\".\"b\")");
    assertThat(rowParams(p)).containsExactly("{\"a\":1,\"b\":2}");
    // The keys of the first object choose the overload; the others must have the same keys.
    assertThat(rows(send("POST", "/rpc/add", "[{\"x\":\"1\",\"y\":\"2\"}]")))
        .contains("\"content\".\"add\"(\"x\" :=");
    PlanError mixed = error(() -> send("POST", "/rpc/add", "[{\"a\":1,\"b\":2},{\"a\":3}]"));
    assertThat(mixed.code()).isEqualTo("PGRST102");
    assertThat(mixed.message()).isEqualTo("All object keys must match");
    assertThat(error(() -> send("POST", "/rpc/add", "[1,2]")).code()).isEqualTo("PGRST102");
    // An empty array has no arguments: add needs two.
    assertThat(error(() -> send("POST", "/rpc/add", "[]")).code()).isEqualTo("PGRST202");
    assertThat(error(() -> send("POST", "/rpc/add", "{bad")).code()).isEqualTo("PGRST102");
  }

  @Test
  void unknownFunctionIsPgrst202WithASuggestion() {
    PlanError e = error(() -> get("/rpc/ad"));
    assertThat(e.code()).isEqualTo("PGRST202");
    assertThat(e.message())
        .isEqualTo("Could not find the function content.ad without parameters in the schema cache");
    assertThat(e.hint()).hasValue("Perhaps you meant to call the function content.add");
  }

  @Test
  void headAndCsv() {
    assertThat(body(Plans.plan("HEAD", "/rpc/label_names", null, Plans.SETTINGS)))
        .isEqualTo("NULL::text");
    assertThat(body(get("/rpc/article_titles", "Accept", "text/csv")))
        .startsWith("(SELECT coalesce(string_agg(_k, ',')");
  }
}
