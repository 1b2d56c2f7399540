package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.error;
import static dev.tusk.rest.plan.Plans.get;
import static dev.tusk.rest.plan.Plans.normal;
import static dev.tusk.rest.plan.Plans.rowParams;
import static dev.tusk.rest.plan.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** select=: columns, aliases, casts, JSON paths, *, and the table lookup. */
class SelectPlanTest {

  @Test
  void noSelectIsEveryColumn() {
    assertThat(rows(get("/articles")))
        .isEqualTo("SELECT \"articles\".* FROM \"content\".\"articles\" AS \"articles\"");
  }

  @Test
  void columnsAliasesAndCasts() {
    QueryPlan p =
        get("/articles?select=id,heading:title,word_count::text,n:word_count::double%20precision");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "articles"."id" AS "id", "articles"."title" AS "heading",
                  "articles"."word_count"::text AS "word_count",
                  "articles"."word_count"::double precision AS "n"
                FROM "content"."articles" AS "articles"
                """));
    assertThat(p.main().params()).isEmpty();
  }

  @Test
  void jsonPathsSendKeysAsParametersAndAreNamedByTheLastKey() {
    QueryPlan p =
        get(
            "/articles?select=metadata->>lang,v:metadata->a->b,metadata->list->0,metadata->list->-1");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "articles"."metadata"->>?::text AS "lang",
                  "articles"."metadata"->?::text->?::text AS "v",
                  "articles"."metadata"->?::text->0 AS "list",
                  "articles"."metadata"->?::text->(-1) AS "list"
                FROM "content"."articles" AS "articles"
                """));
    assertThat(rowParams(p)).containsExactly("lang", "a", "b", "list", "list");
  }

  @Test
  void jsonPathOnANonJsonColumnGoesThroughToJsonb() {
    assertThat(rows(get("/articles?select=first:tags->0,tags->>1::int")))
        .isEqualTo(
            normal(
                """
                SELECT to_jsonb("articles"."tags")->0 AS "first",
                  (to_jsonb("articles"."tags")->>1)::int AS "tags"
                FROM "content"."articles" AS "articles"
                """));
  }

  @Test
  void starWithOtherColumnsAndComputedOrUnknownNamesPassQuoted() {
    // Unknown names are left to PostgreSQL: a computed column works, a typo is 42703.
    assertThat(rows(get("/articles?select=*,full_title,%22we%5C%22ird%22")))
        .isEqualTo(
            normal(
                """
                SELECT "articles".*, "articles"."full_title" AS "full_title",
                  "articles"."we""ird" AS "we""ird"
                FROM "content"."articles" AS "articles"
                """));
  }

  @Test
  void emptySelectSelectsNoColumns() {
    assertThat(rows(get("/articles?select=")))
        .isEqualTo("SELECT FROM \"content\".\"articles\" AS \"articles\"");
  }

  @Test
  void profileHeaderPicksTheSchema() {
    QueryPlan p = get("/users?select=email", "Accept-Profile", "identity");
    assertThat(rows(p))
        .isEqualTo(
            "SELECT \"users\".\"email\" AS \"email\" FROM \"identity\".\"users\" AS \"users\"");
    assertThat(p.shape().schema()).isEqualTo("identity");
    assertThat(p.shape().echoProfile()).isTrue();
  }

  @Test
  void unknownTableIsPgrst205WithASuggestion() {
    PlanError e = error(() -> get("/article"));
    assertThat(e.code()).isEqualTo("PGRST205");
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.message())
        .isEqualTo("Could not find the table 'content.article' in the schema cache");
    assertThat(e.hint()).hasValue("Perhaps you meant the table 'content.articles'");
  }

  @Test
  void tableOfAnotherExposedSchemaNeedsTheProfile() {
    assertThat(error(() -> get("/users")).code()).isEqualTo("PGRST205");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "id::text%20from%20pg_authid",
        "id::int%20union%20select",
        "id::%24%24",
        "id::1abc",
        "id::timestamp%20with%20time%20zone%20x"
      })
  void castsThatAreNotOneTypeNameArePgrst100(String select) {
    PlanError e = error(() -> get("/articles?select=" + select));
    assertThat(e.code()).isEqualTo("PGRST100");
    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void multiWordBuiltInCastsPass() {
    assertThat(rows(get("/articles?select=created_at::timestamp%20WITH%20time%20zone")))
        .contains("\"articles\".\"created_at\"::timestamp with time zone AS \"created_at\"");
  }

  @Test
  void schemasOutsideTheSettingsArePgrst106() {
    PlanSettings onlyContent =
        new PlanSettings(java.util.Optional.empty(), true, false, java.util.List.of("content"));
    PlanError e =
        error(() -> Plans.plan("GET", "/users", null, onlyContent, "Accept-Profile", "identity"));
    assertThat(e.code()).isEqualTo("PGRST106");
    assertThat(e.status()).isEqualTo(406);
  }

  @Test
  void readsAreReadOnly() {
    QueryPlan p = get("/articles");
    assertThat(p.readOnly()).isTrue();
    assertThat(p.estimatedCount()).isEmpty();
    assertThat(p.shape().returnRepresentation()).isTrue();
  }
}
