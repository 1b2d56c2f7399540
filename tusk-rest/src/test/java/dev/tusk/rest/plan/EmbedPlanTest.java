package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.error;
import static dev.tusk.rest.plan.Plans.get;
import static dev.tusk.rest.plan.Plans.normal;
import static dev.tusk.rest.plan.Plans.rowParams;
import static dev.tusk.rest.plan.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.schema.SchemaError;
import org.junit.jupiter.api.Test;

/** Resource embedding: every relationship kind, hints, joins, spreads and embedded parameters. */
class EmbedPlanTest {

  @Test
  void manyToOneIsALateralObject() {
    assertThat(rows(get("/articles?select=id,categories(name)")))
        .isEqualTo(
            normal(
                """
                SELECT "articles"."id" AS "id", "articles_categories_1"."pgrst_json" AS "categories"
                FROM "content"."articles" AS "articles"
                LEFT JOIN LATERAL (SELECT row_to_json(_s) AS "pgrst_json", _s.* FROM (
                  SELECT "categories_1"."name" AS "name" FROM "content"."categories" AS "categories_1"
                  WHERE "categories_1"."id" = "articles"."category_id") AS _s)
                AS "articles_categories_1" ON TRUE
                """));
  }

  @Test
  void oneToManyIsALateralArrayWithItsOwnFiltersOrderAndRange() {
    QueryPlan p =
        get(
            "/articles?select=id,comments(id)&comments.author=eq.bob&comments.order=id.desc&comments.limit=2&comments.offset=1");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "articles"."id" AS "id", coalesce("articles_comments_1"."pgrst_json", '[]') AS "comments"
                FROM "content"."articles" AS "articles"
                LEFT JOIN LATERAL (SELECT json_agg(_s) AS "pgrst_json" FROM (
                  SELECT "comments_1"."id" AS "id" FROM "content"."comments" AS "comments_1"
                  WHERE "comments_1"."article_id" = "articles"."id" AND "comments_1"."author" = ?
                  ORDER BY "comments_1"."id" DESC LIMIT ? OFFSET ?) AS _s)
                AS "articles_comments_1" ON TRUE
                """));
    assertThat(rowParams(p)).containsExactly("bob", "2", "1");
  }

  @Test
  void manyToManyJoinsTheJunction() {
    assertThat(rows(get("/articles?select=labels(name)")))
        .isEqualTo(
            normal(
                """
                SELECT coalesce("articles_labels_1"."pgrst_json", '[]') AS "labels"
                FROM "content"."articles" AS "articles"
                LEFT JOIN LATERAL (SELECT json_agg(_s) AS "pgrst_json" FROM (
                  SELECT "labels_1"."name" AS "name" FROM "content"."labels" AS "labels_1"
                  INNER JOIN "content"."article_labels" AS "article_labels_1"
                    ON "article_labels_1"."label_id" = "labels_1"."id"
                  WHERE "article_labels_1"."article_id" = "articles"."id") AS _s)
                AS "articles_labels_1" ON TRUE
                """));
  }

  @Test
  void nestedEmbedsWithAliasesAndPathsByAlias() {
    QueryPlan p =
        get(
            "/categories?select=name,posts:articles(title,notes:comments(author))&posts.notes.author=eq.x");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "categories"."name" AS "name", coalesce("categories_posts_1"."pgrst_json", '[]') AS "posts"
                FROM "content"."categories" AS "categories"
                LEFT JOIN LATERAL (SELECT json_agg(_s) AS "pgrst_json" FROM (
                  SELECT "articles_1"."title" AS "title", coalesce("articles_1_notes_1"."pgrst_json", '[]') AS "notes"
                  FROM "content"."articles" AS "articles_1"
                  LEFT JOIN LATERAL (SELECT json_agg(_s) AS "pgrst_json" FROM (
                    SELECT "comments_1"."author" AS "author" FROM "content"."comments" AS "comments_1"
                    WHERE "comments_1"."article_id" = "articles_1"."id" AND "comments_1"."author" = ?) AS _s)
                  AS "articles_1_notes_1" ON TRUE
                  WHERE "articles_1"."category_id" = "categories"."id") AS _s)
                AS "categories_posts_1" ON TRUE
                """));
  }

  @Test
  void selfReferenceGetsItsOwnAlias() {
    assertThat(rows(get("/categories?select=id,parent:parent_id(name)")))
        .contains("FROM \"content\".\"categories\" AS \"categories_1\"")
        .contains("WHERE \"categories_1\".\"id\" = \"categories\".\"parent_id\"");
  }

  @Test
  void anEmbedAcrossSchemasIsPgrst200AsInPostgrest() {
    PlanError e = error(() -> get("/articles?select=users(email)"));
    assertThat(e.code()).isEqualTo("PGRST200");
    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void hintPicksOneOfSeveralForeignKeys() {
    QueryPlan p =
        get(
            "/orders?select=name,billing:addresses!billing(name),shipping:addresses!shipping_address_id(name)");
    assertThat(rows(p))
        .contains("WHERE \"addresses_1\".\"id\" = \"orders\".\"billing_address_id\"")
        .contains("WHERE \"addresses_2\".\"id\" = \"orders\".\"shipping_address_id\"");
  }

  @Test
  void ambiguousEmbedIsPgrst201WithCandidates() {
    PlanError e = error(() -> get("/orders?select=*,addresses(*)"));
    assertThat(e.code()).isEqualTo("PGRST201");
    assertThat(e.status()).isEqualTo(300);
    assertThat(e.details()).get().isInstanceOf(SchemaError.Details.Candidates.class);
    assertThat(e.hint().orElseThrow()).contains("'addresses!billing'", "'addresses!shipping'");
  }

  @Test
  void unknownEmbedIsPgrst200() {
    PlanError e = error(() -> get("/articles?select=*,nope(*)"));
    assertThat(e.code()).isEqualTo("PGRST200");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.message())
        .isEqualTo(
            "Could not find a relationship between 'articles' and 'nope' in the schema cache");
  }

  @Test
  void innerJoinFiltersTheParentAndItsCount() {
    QueryPlan p =
        get(
            "/articles?select=id,categories!inner(name)&categories.name=eq.Tech",
            "Prefer",
            "count=exact");
    assertThat(rows(p))
        .endsWith(
            "AS \"articles_categories_1\" ON TRUE WHERE \"articles_categories_1\".\"pgrst_json\" IS NOT NULL");
    assertThat(p.main().sql())
        .contains(
            "(SELECT count(*) FROM (SELECT 1 FROM \"content\".\"articles\" AS \"articles\" LEFT JOIN LATERAL");
    assertThat(p.main().params()).containsExactly("Tech", "Tech");
  }

  @Test
  void leftJoinIsTheDefault() {
    assertThat(rows(get("/articles?select=id,categories!left(name)")))
        .doesNotContain("WHERE \"articles_categories_1\"");
  }

  @Test
  void countWithoutEmbedFiltersSkipsTheirJoins() {
    QueryPlan p = get("/articles?select=id,categories(name)", "Prefer", "count=exact");
    assertThat(p.main().sql())
        .contains(
            "(SELECT count(*) FROM (SELECT 1 FROM \"content\".\"articles\" AS \"articles\") AS _c)");
  }

  @Test
  void emptyEmbedOnlyFiltersAndNullFilteringIsAnAntiJoin() {
    QueryPlan p = get("/articles?select=title,comments()&comments=is.null");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "articles"."title" AS "title" FROM "content"."articles" AS "articles"
                LEFT JOIN LATERAL (SELECT json_agg(_s) AS "pgrst_json" FROM (
                  SELECT FROM "content"."comments" AS "comments_1"
                  WHERE "comments_1"."article_id" = "articles"."id") AS _s)
                AS "articles_comments_1" ON TRUE
                WHERE "articles_comments_1"."pgrst_json" IS NULL
                """));
    assertThat(rows(get("/articles?select=title,comments()&comments=not.is.null")))
        .endsWith("WHERE \"articles_comments_1\".\"pgrst_json\" IS NOT NULL");
    assertThat(rows(get("/articles?select=title,comments()&comments=is.not_null")))
        .endsWith("WHERE \"articles_comments_1\".\"pgrst_json\" IS NOT NULL");
  }

  @Test
  void nullFiltersOnEmbedsWorkInsideOr() {
    QueryPlan p =
        get(
            "/articles?select=id,categories(),comments()&categories.name=eq.x&comments.author=eq.y&or=(categories.not.is.null,comments.not.is.null)");
    assertThat(rows(p))
        .endsWith(
            "WHERE (\"articles_categories_1\".\"pgrst_json\" IS NOT NULL OR \"articles_comments_1\".\"pgrst_json\" IS NOT NULL)");
  }

  @Test
  void otherOperatorsOnAnEmbedArePgrst120() {
    PlanError e = error(() -> get("/articles?select=id,comments(id)&comments=eq.1"));
    assertThat(e.code()).isEqualTo("PGRST120");
    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void parametersForResourcesNotEmbeddedArePgrst108() {
    for (String url :
        new String[] {
          "/articles?select=id&comments.id=eq.1",
          "/articles?select=id&comments.order=id",
          "/articles?select=id&comments.limit=1",
          "/articles?select=id,comments(id)&comments.author.x=eq.1",
          "/articles?select=id&order=categories(name)",
        }) {
      PlanError e = error(() -> get(url));
      assertThat(e.code()).as(url).isEqualTo("PGRST108");
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.hint().orElseThrow()).contains("is included in the 'select' query parameter");
    }
  }

  @Test
  void spreadLiftsColumnsOfAToOneEmbed() {
    assertThat(rows(get("/articles?select=id,...categories(category:name,parent_id)")))
        .isEqualTo(
            normal(
                """
                SELECT "articles"."id" AS "id", "articles_categories_1"."category" AS "category",
                  "articles_categories_1"."parent_id" AS "parent_id"
                FROM "content"."articles" AS "articles"
                LEFT JOIN LATERAL (SELECT row_to_json(_s) AS "pgrst_json", _s.* FROM (
                  SELECT "categories_1"."name" AS "category", "categories_1"."parent_id" AS "parent_id"
                  FROM "content"."categories" AS "categories_1"
                  WHERE "categories_1"."id" = "articles"."category_id") AS _s)
                AS "articles_categories_1" ON TRUE
                """));
  }

  @Test
  void spreadOfStarListsTheColumns() {
    assertThat(rows(get("/articles?select=...categories(*)")))
        .startsWith(
            "SELECT \"articles_categories_1\".\"id\" AS \"id\", \"articles_categories_1\".\"name\" AS \"name\","
                + " \"articles_categories_1\".\"parent_id\" AS \"parent_id\" FROM");
  }

  @Test
  void spreadOfAToManyIsPgrst119() {
    PlanError e = error(() -> get("/articles?select=...comments(id)"));
    assertThat(e.code()).isEqualTo("PGRST119");
    assertThat(e.details())
        .hasValue(
            new SchemaError.Details.Text(
                "'articles' and 'comments' do not form a many-to-one or one-to-one relationship"));
  }

  @Test
  void orderByAColumnOfAToOneEmbed() {
    assertThat(
            rows(
                get(
                    "/articles?select=id,categories(name)&order=categories(name).desc.nullslast,id")))
        .endsWith(
            "ORDER BY \"articles_categories_1\".\"name\" DESC NULLS LAST, \"articles\".\"id\"");
  }

  @Test
  void orderByAToManyEmbedIsPgrst118() {
    PlanError e = error(() -> get("/articles?select=id,comments(id)&order=comments(id)"));
    assertThat(e.code()).isEqualTo("PGRST118");
    assertThat(e.message()).isEqualTo("A related order on 'comments' is not possible");
  }

  @Test
  void computedRelationshipsCallTheFunctionWithTheParentRow() {
    QueryPlan p = get("/articles?select=id,first_comment(body),long_comments(id)");
    assertThat(rows(p))
        .contains("\"articles_first_comment_1\".\"pgrst_json\" AS \"first_comment\"")
        .contains("FROM \"content\".\"first_comment\"(\"articles\".*) AS \"comments_1\") AS _s")
        .contains(
            "coalesce(\"articles_long_comments_1\".\"pgrst_json\", '[]') AS \"long_comments\"")
        .contains("FROM \"content\".\"long_comments\"(\"articles\".*) AS \"comments_2\") AS _s");
  }

  @Test
  void theSameEmbedTwiceIsJoinedTwice() {
    String sql = rows(get("/articles?select=categories(name),categories(id)"));
    assertThat(sql)
        .contains("AS \"articles_categories_1\" ON TRUE")
        .contains("AS \"articles_categories_2\" ON TRUE");
    assertThat(sql).contains("\"articles_categories_2\".\"pgrst_json\" AS \"categories\"");
  }

  @Test
  void logicTreesOnEmbeds() {
    QueryPlan p =
        get(
            "/articles?select=id,comments(id)&comments.or=(author.eq.bob,not.and(id.gt.1,id.lt.3))");
    assertThat(rows(p))
        .contains(
            "WHERE \"comments_1\".\"article_id\" = \"articles\".\"id\" AND (\"comments_1\".\"author\" = ?"
                + " OR NOT (\"comments_1\".\"id\" > ? AND \"comments_1\".\"id\" < ?))");
    assertThat(rowParams(p)).containsExactly("bob", "1", "3");
  }

  @Test
  void spreadInsideAToManyEmbedWithItsOwnFilter() {
    QueryPlan p =
        get(
            "/categories?select=articles(title,...categories(name))"
                + "&articles.categories.name=like.*a*");
    assertThat(rows(p))
        .contains(
            "SELECT \"articles_1\".\"title\" AS \"title\", \"articles_1_categories_1\".\"name\" AS \"name\"")
        .contains(
            "FROM \"content\".\"categories\" AS \"categories_1\" WHERE \"categories_1\".\"id\" = \"articles_1\".\"category_id\" AND \"categories_1\".\"name\" like ?");
  }

  @Test
  void embedsNamedByTheirForeignKeyColumnOrConstraint() {
    assertThat(rows(get("/articles?select=category_id(name)")))
        .contains("\"articles_category_id_1\".\"pgrst_json\" AS \"category_id\"");
    assertThat(rows(get("/articles?select=articles_category_id_fkey(name)")))
        .contains("FROM \"content\".\"categories\" AS \"categories_1\"");
  }
}
