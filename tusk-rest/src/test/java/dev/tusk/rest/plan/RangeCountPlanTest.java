package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.get;
import static dev.tusk.rest.plan.Plans.rowParams;
import static dev.tusk.rest.plan.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** limit/offset, the Range header, api.max_rows, and the three counts. */
class RangeCountPlanTest {

  private static final PlanSettings MAX_10 =
      new PlanSettings(Optional.of(10), true, false, List.of("content"));

  private static QueryPlan capped(String url, String... headers) {
    return Plans.plan("GET", url, null, MAX_10, headers);
  }

  @Test
  void limitAndOffsetAreParameters() {
    QueryPlan p = get("/articles?select=id&order=id&limit=2&offset=1");
    assertThat(rows(p)).endsWith("ORDER BY \"articles\".\"id\" LIMIT ? OFFSET ?");
    assertThat(rowParams(p)).containsExactly("2", "1");
    assertThat(p.shape().offset()).isEqualTo(1);
  }

  @Test
  void rangeHeaderCombinesWithLimit() {
    QueryPlan p = get("/articles?select=id&limit=5", "Range", "2-10");
    assertThat(rowParams(p)).containsExactly("3", "2");
    assertThat(p.shape().offset()).isEqualTo(2);
  }

  @Test
  void openRangeHasOnlyAnOffset() {
    QueryPlan p = get("/articles?select=id", "Range", "4-");
    assertThat(rows(p)).endsWith("AS \"articles\" OFFSET ?");
    assertThat(rowParams(p)).containsExactly("4");
  }

  @Test
  void maxRowsCapsTheRootButNotEmbeds() {
    assertThat(rowParams(capped("/articles?select=id"))).containsExactly("10");
    assertThat(rowParams(capped("/articles?select=id&limit=50"))).containsExactly("10");
    assertThat(rowParams(capped("/articles?select=id&limit=3&offset=2"))).containsExactly("3", "2");
    assertThat(rows(capped("/articles?select=id,comments(id)"))).containsOnlyOnce("LIMIT");
  }

  @Test
  void noCountMeansANullTotalAndNoEstimate() {
    QueryPlan p = get("/articles?select=id");
    assertThat(p.main().sql()).contains(") SELECT NULL::bigint AS total, count(*) AS page_total,");
    assertThat(p.estimatedCount()).isEmpty();
    assertThat(p.shape().countRequested()).isFalse();
  }

  @Test
  void exactCountCountsTheFilteredRowsIgnoringTheRange() {
    QueryPlan p =
        get("/articles?select=id&status=eq.draft&order=id&limit=1", "Prefer", "count=exact");
    assertThat(p.main().sql())
        .contains(
            ") SELECT (SELECT count(*) FROM (SELECT 1 FROM \"content\".\"articles\" AS \"articles\""
                + " WHERE \"articles\".\"status\" = ?) AS _c) AS total,");
    assertThat(p.main().params()).containsExactly("draft", "1", "draft");
    assertThat(p.shape().countRequested()).isTrue();
    assertThat(p.shape().preferenceApplied()).containsExactly("count=exact");
  }

  @Test
  void plannedCountIsAnExplainOfTheCountQuery() {
    QueryPlan p = get("/articles?select=id&status=eq.draft&limit=1", "Prefer", "count=planned");
    assertThat(p.main().sql()).contains(") SELECT NULL::bigint AS total,");
    assertThat(p.estimatedCount()).isPresent();
    assertThat(p.estimatedCount().get().sql())
        .isEqualTo(
            "EXPLAIN (FORMAT JSON) SELECT 1 FROM \"content\".\"articles\" AS \"articles\" WHERE \"articles\".\"status\" = ?");
    assertThat(p.estimatedCount().get().params()).containsExactly("draft");
  }

  @Test
  void estimatedCountIsExactUpToMaxRowsThenTheEstimate() {
    QueryPlan p = capped("/articles?select=id", "Prefer", "count=estimated");
    assertThat(p.main().sql())
        .contains(
            ") SELECT (SELECT CASE WHEN count(*) > 10 THEN NULL ELSE count(*) END FROM (SELECT 1 FROM"
                + " \"content\".\"articles\" AS \"articles\" LIMIT 11) AS _c) AS total,");
    assertThat(p.estimatedCount()).isPresent();
  }

  @Test
  void estimatedCountWithoutMaxRowsIsExact() {
    QueryPlan p = get("/articles?select=id", "Prefer", "count=estimated");
    assertThat(p.main().sql()).contains(") SELECT (SELECT count(*) FROM (SELECT 1 FROM");
    assertThat(p.estimatedCount()).isEmpty();
  }
}
