package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.error;
import static dev.tusk.rest.plan.Plans.get;
import static dev.tusk.rest.plan.Plans.normal;
import static dev.tusk.rest.plan.Plans.rowParams;
import static dev.tusk.rest.plan.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Aggregates: implicit GROUP BY (by position), casts, embeds, spreads, and api.aggregates. */
class AggregatePlanTest {

  @Test
  void countAloneHasNoGroupBy() {
    assertThat(rows(get("/articles?select=count()")))
        .isEqualTo("SELECT count(*) AS \"count\" FROM \"content\".\"articles\" AS \"articles\"");
  }

  @Test
  void otherColumnsAreGroupedByPosition() {
    QueryPlan p = get("/articles?select=status,total:count(),word_count.sum(),metadata->>lang");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "articles"."status" AS "status", count(*) AS "total",
                  sum("articles"."word_count") AS "sum", "articles"."metadata"->>?::text AS "lang"
                FROM "content"."articles" AS "articles" GROUP BY 1, 4
                """));
    assertThat(rowParams(p)).containsExactly("lang");
  }

  @Test
  void inputAndOutputCasts() {
    assertThat(
            rows(
                get(
                    "/articles?select=metadata->views::int.avg()::int,word_count.max()::text,word_count.count()")))
        .isEqualTo(
            normal(
                """
                SELECT avg(("articles"."metadata"->?::text)::int)::int AS "avg",
                  max("articles"."word_count")::text AS "max", count("articles"."word_count") AS "count"
                FROM "content"."articles" AS "articles"
                """));
  }

  @Test
  void starNextToAnAggregateIsExpandedSoItCanBeGrouped() {
    assertThat(rows(get("/categories?select=*,count()")))
        .isEqualTo(
            normal(
                """
                SELECT "categories"."id" AS "id", "categories"."name" AS "name",
                  "categories"."parent_id" AS "parent_id", count(*) AS "count"
                FROM "content"."categories" AS "categories" GROUP BY 1, 2, 3
                """));
  }

  @Test
  void aggregatesInsideAnEmbedGroupTheEmbed() {
    assertThat(rows(get("/categories?select=name,articles(status,count())")))
        .contains(
            "SELECT \"articles_1\".\"status\" AS \"status\", count(*) AS \"count\" FROM \"content\".\"articles\" AS \"articles_1\""
                + " WHERE \"articles_1\".\"category_id\" = \"categories\".\"id\" GROUP BY 1");
  }

  @Test
  void embedsAreGroupingColumnsAsJsonb() {
    assertThat(rows(get("/articles?select=word_count.sum(),categories(name)")))
        .startsWith(
            "SELECT sum(\"articles\".\"word_count\") AS \"sum\", \"articles_categories_1\".\"pgrst_json\"::jsonb AS \"categories\"")
        .endsWith("GROUP BY 2");
  }

  @Test
  void aggregatesInASpreadApplyInTheParent() {
    QueryPlan p = get("/articles?select=status,...categories(name.max(),parent_id)");
    assertThat(rows(p))
        .isEqualTo(
            normal(
                """
                SELECT "articles"."status" AS "status", max("articles_categories_1"."pgrst_aggregate_1") AS "max",
                  "articles_categories_1"."parent_id" AS "parent_id"
                FROM "content"."articles" AS "articles"
                LEFT JOIN LATERAL (SELECT row_to_json(_s) AS "pgrst_json", _s.* FROM (
                  SELECT "categories_1"."name" AS "pgrst_aggregate_1", "categories_1"."parent_id" AS "parent_id"
                  FROM "content"."categories" AS "categories_1"
                  WHERE "categories_1"."id" = "articles"."category_id") AS _s)
                AS "articles_categories_1" ON TRUE GROUP BY 1, 3
                """));
  }

  @Test
  void exactCountOfAGroupedReadCountsGroups() {
    QueryPlan p = get("/articles?select=status,count()&limit=1", "Prefer", "count=exact");
    assertThat(p.main().sql())
        .contains(
            "(SELECT count(*) FROM (SELECT \"articles\".\"status\" AS \"status\", count(*) AS \"count\""
                + " FROM \"content\".\"articles\" AS \"articles\" GROUP BY 1) AS _c)");
  }

  @Test
  void orderingAGroupedReadUsesTheOutputPositionsAndGroupsToOneColumns() {
    assertThat(
            rows(get("/articles?select=lang:metadata->>lang,count()&order=metadata->>lang.desc")))
        .endsWith("GROUP BY 1 ORDER BY 1 DESC");
    assertThat(
            rows(get("/articles?select=word_count.sum(),categories(name)&order=categories(name)")))
        .endsWith(
            "GROUP BY 2, \"articles_categories_1\".\"name\" ORDER BY \"articles_categories_1\".\"name\"");
    assertThat(rows(get("/articles?select=count(),...categories(name)&order=categories(name)")))
        .endsWith("GROUP BY 2 ORDER BY 2");
  }

  @Test
  void legacyCountWithoutParenthesesCountsEvenWithAggregatesOff() {
    PlanSettings off = new PlanSettings(Optional.empty(), false, false, List.of("content"));
    assertThat(rows(Plans.plan("GET", "/articles?select=comments(count)", null, off)))
        .contains("SELECT count(*) AS \"count\" FROM \"content\".\"comments\" AS \"comments_1\"");
    assertThat(rows(get("/articles?select=n:count")))
        .isEqualTo("SELECT count(*) AS \"n\" FROM \"content\".\"articles\" AS \"articles\"");
  }

  @Test
  void disabledAggregatesArePgrst123() {
    PlanSettings off = new PlanSettings(Optional.empty(), false, false, List.of("content"));
    for (String url :
        new String[] {
          "/articles?select=count()",
          "/articles?select=id.sum()",
          "/articles?select=id,comments(id.max())"
        }) {
      PlanError e = error(() -> Plans.plan("GET", url, null, off));
      assertThat(e.code()).as(url).isEqualTo("PGRST123");
      assertThat(e.message()).isEqualTo("Use of aggregate functions is not allowed");
    }
  }
}
