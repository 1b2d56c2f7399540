package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.error;
import static dev.tusk.rest.plan.Plans.normal;
import static dev.tusk.rest.plan.Plans.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.ResponseKind;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST, PATCH, PUT and DELETE: the mutation SQL, what it returns, and the body checks. */
class WritePlanTest {

  private static final String TAIL =
      " current_setting('response.headers', true) AS response_headers,"
          + " current_setting('response.status', true) AS response_status,"
          + " NULL::bigint AS inserted FROM \"pgrst_source\" AS _t";

  @Test
  void insertIsOneJsonParameterPopulatedIntoTheTablesRowType() {
    QueryPlan p = send("POST", "/labels", "{\"id\":1,\"name\":\"x\"}");
    assertThat(p.main().sql())
        .isEqualTo(
            normal(
                    """
                WITH "pgrst_source" AS (INSERT INTO "content"."labels" AS "labels" ("id", "name")
                  SELECT "pgrst_payload_1"."id", "pgrst_payload_1"."name"
                  FROM json_populate_recordset(NULL::"content"."labels", ?::json) AS "pgrst_payload_1"
                  RETURNING 1)
                SELECT NULL::bigint AS total, count(*) AS page_total, NULL::text AS body, NULL::text AS location,
                """)
                + TAIL);
    assertThat(p.main().params()).containsExactly("[{\"id\":1,\"name\":\"x\"}]");
    assertThat(p.readOnly()).isFalse();
    assertThat(p.shape().kind()).isEqualTo(ResponseKind.CREATE);
    assertThat(p.shape().returnRepresentation()).isFalse();
  }

  @Test
  void numbersKeepTheirDigits() {
    QueryPlan p =
        send(
            "POST",
            "/labels?columns=id",
            "[{\"n\":123456789012345678901234567890.123456789,\"m\":1e400}]");
    assertThat(p.main().params())
        .containsExactly("[{\"n\":123456789012345678901234567890.123456789,\"m\":1E+400}]");
  }

  @Test
  void representationReadsTheReturnedRowsWithSelectAndEmbeds() {
    QueryPlan p =
        send(
            "POST",
            "/articles?select=title,categories(name)",
            "{\"title\":\"t\"}",
            "Prefer",
            "return=representation");
    assertThat(p.main().sql())
        .contains(
            "RETURNING \"articles\".*), \"pgrst_body\" AS (SELECT \"articles\".\"title\" AS \"title\",")
        .contains("FROM \"pgrst_source\" AS \"articles\" LEFT JOIN LATERAL")
        .endsWith(
            "SELECT NULL::bigint AS total, (SELECT count(*) FROM \"pgrst_source\") AS page_total,"
                + " coalesce(json_agg(_t), '[]')::text AS body, NULL::text AS location,"
                + TAIL.replace("\"pgrst_source\"", "\"pgrst_body\""));
    assertThat(p.shape().returnRepresentation()).isTrue();
    assertThat(p.shape().preferenceApplied()).containsExactly("return=representation");
  }

  @Test
  void headersOnlyReturnsTheKeysForTheLocation() {
    QueryPlan p =
        send(
            "POST",
            "/article_labels",
            "{\"article_id\":1,\"label_id\":2}",
            "Prefer",
            "return=headers-only");
    assertThat(p.main().sql())
        .contains("RETURNING \"article_labels\".\"article_id\", \"article_labels\".\"label_id\")")
        .contains(
            "(array_agg(concat_ws('&', ?::text || '=eq.' || _t.\"article_id\"::text,"
                + " ?::text || '=eq.' || _t.\"label_id\"::text)))[1] AS location");
    assertThat(p.main().params())
        .containsExactly("[{\"article_id\":1,\"label_id\":2}]", "article_id", "label_id");
    assertThat(p.shape().headersOnly()).isTrue();
    assertThat(
            send("POST", "/logs", "{\"line\":\"x\"}", "Prefer", "return=headers-only").main().sql())
        .contains("RETURNING 1)")
        .contains("NULL::text AS location");
  }

  @Test
  void columnsPicksTheColumnsAndMustNameRealOnes() {
    QueryPlan p = send("POST", "/labels?columns=name", "[{\"name\":\"a\",\"other\":1},{\"x\":2}]");
    assertThat(p.main().sql()).contains("(\"name\") SELECT \"pgrst_payload_1\".\"name\" FROM");
    PlanError e = error(() -> send("POST", "/labels?columns=name,nam", "{}"));
    assertThat(e.code()).isEqualTo("PGRST204");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.message())
        .isEqualTo("Could not find the 'nam' column of 'labels' in the schema cache");
  }

  @Test
  void bodyKeysMustBeColumns() {
    PlanError e = error(() -> send("POST", "/articles", "{\"title\":\"x\",\"nope\":1}"));
    assertThat(e.code()).isEqualTo("PGRST204");
    assertThat(e.message())
        .isEqualTo("Could not find the 'nope' column of 'articles' in the schema cache");
  }

  @Test
  void missingDefaultSplitsRowsByTheColumnsTheyHave() {
    QueryPlan p =
        send(
            "POST",
            "/labels?columns=id,name",
            "[{\"id\":1},{\"id\":2,\"name\":\"b\"},{\"id\":3}]",
            "Prefer",
            "missing=default");
    assertThat(p.main().sql())
        .startsWith(
            normal(
                """
                WITH "pgrst_source_1" AS (INSERT INTO "content"."labels" AS "labels" ("id")
                  SELECT "pgrst_payload_1"."id" FROM json_populate_recordset(NULL::"content"."labels", ?::json)
                  AS "pgrst_payload_1" RETURNING 1),
                "pgrst_source_2" AS (INSERT INTO "content"."labels" AS "labels" ("id", "name")
                  SELECT "pgrst_payload_1"."id", "pgrst_payload_1"."name"
                  FROM json_populate_recordset(NULL::"content"."labels", ?::json) AS "pgrst_payload_1" RETURNING 1),
                "pgrst_source" AS (SELECT * FROM "pgrst_source_1" UNION ALL SELECT * FROM "pgrst_source_2")
                """));
    assertThat(p.main().params())
        .containsExactly("[{\"id\":1},{\"id\":3}]", "[{\"id\":2,\"name\":\"b\"}]");
  }

  @Test
  void emptyObjectsInsertDefaultsOnly() {
    assertThat(send("POST", "/logs", "[{},{}]").main().sql())
        .startsWith(
            "WITH \"pgrst_source\" AS (INSERT INTO \"content\".\"logs\" AS \"logs\" SELECT FROM json_array_elements(?::json) RETURNING 1)");
  }

  @Test
  void upserts() {
    // A merge also reports which rows were new (xmax = 0): 201 or 200 depends on it.
    assertThat(
            send(
                    "POST",
                    "/labels",
                    "{\"id\":1,\"name\":\"x\"}",
                    "Prefer",
                    "resolution=merge-duplicates")
                .main()
                .sql())
        .contains(
            "WITH \"pgrst_upsert\" AS (INSERT INTO \"content\".\"labels\" AS \"labels\"",
            "ON CONFLICT (\"id\") DO UPDATE SET \"id\" = EXCLUDED.\"id\", \"name\" = EXCLUDED.\"name\""
                + " RETURNING 1 AS \"pgrst_row\", (\"labels\".xmax = 0) AS \"pgrst_inserted\"),"
                + " \"pgrst_source\" AS (SELECT 1 FROM \"pgrst_upsert\")",
            "(SELECT count(*) FROM \"pgrst_upsert\" WHERE \"pgrst_inserted\") AS inserted");
    assertThat(
            send(
                    "POST",
                    "/labels?select=name",
                    "{\"id\":1,\"name\":\"x\"}",
                    "Prefer",
                    "resolution=merge-duplicates,return=representation")
                .main()
                .sql())
        .contains(
            " RETURNING \"labels\" AS \"pgrst_row\", (\"labels\".xmax = 0) AS \"pgrst_inserted\"),"
                + " \"pgrst_source\" AS (SELECT (\"pgrst_row\").* FROM \"pgrst_upsert\")");
    assertThat(
            send(
                    "POST",
                    "/labels?on_conflict=name",
                    "{\"id\":1,\"name\":\"x\"}",
                    "Prefer",
                    "resolution=ignore-duplicates")
                .main()
                .sql())
        .contains("ON CONFLICT (\"name\") DO NOTHING RETURNING 1");
    assertThat(
            send("POST", "/logs", "{\"line\":\"x\"}", "Prefer", "resolution=ignore-duplicates")
                .main()
                .sql())
        .contains("ON CONFLICT DO NOTHING RETURNING 1");
    PlanError e =
        error(
            () ->
                send("POST", "/logs", "{\"line\":\"x\"}", "Prefer", "resolution=merge-duplicates"));
    assertThat(e.code()).isEqualTo("PGRST127");
  }

  @Test
  void csvAndFormBodiesBecomeJsonRows() {
    QueryPlan csv =
        send("POST", "/labels", "id,name\n1,\"a,b\"\n2,NULL\n", "Content-Type", "text/csv");
    assertThat(csv.main().params())
        .containsExactly("[{\"id\":\"1\",\"name\":\"a,b\"},{\"id\":\"2\",\"name\":null}]");
    QueryPlan form =
        send(
            "POST",
            "/labels",
            "id=1&name=a+b%26c",
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(form.main().params()).containsExactly("[{\"id\":\"1\",\"name\":\"a b&c\"}]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{not json",
        "[1,2]",
        "\"text\"",
        "42",
        "null",
        "{\"a\":1} trailing",
        "[{\"id\":1}, 2]"
      })
  void invalidJsonBodiesArePgrst102(String body) {
    PlanError e = error(() -> send("POST", "/labels", body));
    assertThat(e.code()).isEqualTo("PGRST102");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.message()).isEqualTo("Empty or invalid json");
  }

  @Test
  void arrayRowsMustShareTheirKeys() {
    PlanError e = error(() -> send("POST", "/labels", "[{\"id\":1,\"name\":\"a\"},{\"id\":2}]"));
    assertThat(e.code()).isEqualTo("PGRST102");
    assertThat(e.message()).isEqualTo("All object keys must match");
    assertThat(
            error(() -> send("POST", "/labels", "id,name\n1\n", "Content-Type", "text/csv")).code())
        .isEqualTo("PGRST102");
  }

  @Test
  void unsupportedContentTypeIs415() {
    PlanError e = error(() -> send("POST", "/labels", "<x/>", "Content-Type", "text/xml"));
    assertThat(e.code()).isEqualTo("PGRST107");
    assertThat(e.status()).isEqualTo(415);
  }

  @Test
  void patchUpdatesFilteredRowsFromTheBodysFirstRow() {
    QueryPlan p =
        send(
            "PATCH", "/articles?id=eq.2&status=neq.archived", "{\"title\":\"t\",\"word_count\":1}");
    assertThat(p.main().sql())
        .startsWith(
            normal(
                """
                WITH "pgrst_source" AS (UPDATE "content"."articles" AS "articles"
                  SET "title" = "pgrst_payload_1"."title", "word_count" = "pgrst_payload_1"."word_count"
                  FROM (SELECT * FROM json_populate_recordset(NULL::"content"."articles", ?::json) LIMIT 1)
                  AS "pgrst_payload_1"
                  WHERE "articles"."id" = ? AND "articles"."status" <> ? RETURNING 1)
                """));
    assertThat(p.main().params())
        .containsExactly("[{\"title\":\"t\",\"word_count\":1}]", "2", "archived");
    assertThat(p.shape().kind()).isEqualTo(ResponseKind.UPDATE);
  }

  @Test
  void limitedPatchGoesThroughCtids() {
    QueryPlan p =
        send(
            "PATCH",
            "/articles?status=eq.draft&order=id.desc&limit=2&offset=1",
            "{\"title\":\"t\"}");
    assertThat(p.main().sql())
        .contains(
            "WHERE \"articles\".\"ctid\" = ANY (ARRAY(SELECT \"articles_1\".\"ctid\" AS \"ctid\""
                + " FROM \"content\".\"articles\" AS \"articles_1\" WHERE \"articles_1\".\"status\" = ?"
                + " ORDER BY \"articles_1\".\"id\" DESC LIMIT ? OFFSET ?)) RETURNING 1");
    assertThat(p.main().params()).containsExactly("[{\"title\":\"t\"}]", "draft", "2", "1");
  }

  @Test
  void emptyPatchTouchesNothing() {
    assertThat(
            send("PATCH", "/articles?id=eq.1", "{}", "Prefer", "return=representation")
                .main()
                .sql())
        .startsWith(
            "WITH \"pgrst_source\" AS (SELECT \"articles\".* FROM \"content\".\"articles\" AS \"articles\" WHERE FALSE)");
  }

  @Test
  void deleteWithMaxAffectedUnderStrictHandling() {
    QueryPlan p =
        send(
            "DELETE", "/comments?author=eq.bob", null, "Prefer", "handling=strict, max-affected=3");
    assertThat(p.main().sql())
        .startsWith(
            "WITH \"pgrst_source\" AS (DELETE FROM \"content\".\"comments\" AS \"comments\" WHERE \"comments\".\"author\" = ? RETURNING 1)");
    assertThat(p.shape().maxAffected()).isEqualTo(OptionalLong.of(3));
    assertThat(p.shape().preferenceApplied()).containsExactly("handling=strict", "max-affected=3");
    assertThat(send("DELETE", "/comments", null, "Prefer", "max-affected=3").shape().maxAffected())
        .isEmpty();
    assertThat(
            send("POST", "/labels", "{}", "Prefer", "handling=strict, max-affected=3")
                .shape()
                .maxAffected())
        .isEmpty();
  }

  @Test
  void putIsAnInsertReplacingOnThePrimaryKey() {
    QueryPlan p =
        send(
            "PUT",
            "/article_labels?label_id=eq.2&article_id=eq.1",
            "{\"article_id\":1,\"label_id\":\"2\"}");
    assertThat(p.main().sql())
        .contains(
            "ON CONFLICT (\"article_id\", \"label_id\") DO UPDATE SET \"article_id\" = EXCLUDED.\"article_id\",");
    assertThat(p.shape().kind()).isEqualTo(ResponseKind.UPSERT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/labels",
        "/labels?name=eq.x",
        "/labels?id=eq.1&name=eq.x",
        "/labels?id=neq.1",
        "/labels?id=not.eq.1",
        "/labels?id=eq(any).{1}",
        "/labels?id->>a=eq.1",
        "/labels?id=eq.1&id=eq.1",
        "/labels?or=(id.eq.1)",
        "/logs?line=eq.x",
        "/article_labels?article_id=eq.1"
      })
  void putWithoutExactlyTheKeyFiltersIsPgrst105(String url) {
    PlanError e =
        error(() -> send("PUT", url, "{\"id\":1,\"name\":\"x\",\"line\":\"x\",\"article_id\":1}"));
    assertThat(e.code()).isEqualTo("PGRST105");
    assertThat(e.status()).isEqualTo(405);
  }

  @Test
  void putBodyMustAgreeWithTheKeyFilters() {
    for (String body :
        new String[] {
          "{\"id\":2,\"name\":\"x\"}", "{\"name\":\"x\"}", "{\"id\":null}", "{\"id\":\"01\"}"
        }) {
      PlanError e = error(() -> send("PUT", "/labels?id=eq.1", body));
      assertThat(e.code()).as(body).isEqualTo("PGRST115");
      assertThat(e.status()).isEqualTo(400);
    }
    assertThat(error(() -> send("PUT", "/labels?id=eq.1", "[{\"id\":1},{\"id\":1}]")).code())
        .isEqualTo("PGRST102");
  }
}
