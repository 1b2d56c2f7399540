package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.Plans.get;
import static dev.tusk.rest.plan.Plans.normal;
import static dev.tusk.rest.plan.Plans.rowParams;
import static dev.tusk.rest.plan.Plans.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.QueryPlan;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Horizontal filtering: every operator, not., (any)/(all), and or/and trees. */
class FilterPlanTest {

  private static final String FROM =
      "SELECT \"articles\".\"id\" AS \"id\" FROM \"content\".\"articles\" AS \"articles\" WHERE ";

  /** The WHERE clause of {@code /articles?select=id&<filters>} and its parameters. */
  private static String where(String filters) {
    String rows = rows(get("/articles?select=id&" + filters));
    assertThat(rows).startsWith(FROM);
    return rows.substring(FROM.length());
  }

  private static List<String> params(String filters) {
    return rowParams(get("/articles?select=id&" + filters));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '!',
      value = {
        "id=eq.1!\"articles\".\"id\" = ?!1",
        "id=neq.1!\"articles\".\"id\" <> ?!1",
        "id=gt.1!\"articles\".\"id\" > ?!1",
        "id=gte.1!\"articles\".\"id\" >= ?!1",
        "id=lt.1!\"articles\".\"id\" < ?!1",
        "id=lte.1!\"articles\".\"id\" <= ?!1",
        "title=like.*a_b*!\"articles\".\"title\" like ?!%a_b%",
        "title=ilike.A*!\"articles\".\"title\" ilike ?!A%",
        "title=match.^P!\"articles\".\"title\" ~ ?!^P",
        "title=imatch.^p!\"articles\".\"title\" ~* ?!^p",
        "tags=cs.{a,b}!\"articles\".\"tags\" @> ?!{a,b}",
        "tags=cd.{a,b}!\"articles\".\"tags\" <@ ?!{a,b}",
        "tags=ov.{a,b}!\"articles\".\"tags\" && ?!{a,b}",
        "span=sl.(1,10)!\"articles\".\"span\" << ?!(1,10)",
        "span=sr.(1,10)!\"articles\".\"span\" >> ?!(1,10)",
        "span=nxr.(1,10)!\"articles\".\"span\" &< ?!(1,10)",
        "span=nxl.(1,10)!\"articles\".\"span\" &> ?!(1,10)",
        "span=adj.(1,10)!\"articles\".\"span\" -|- ?!(1,10)",
        "span=ov.[2017-01-01,2017-06-30]!\"articles\".\"span\" && ?![2017-01-01,2017-06-30]",
        "id=not.eq.1!NOT (\"articles\".\"id\" = ?)!1",
        "id=isdistinct.1!\"articles\".\"id\" IS DISTINCT FROM ?!1",
        "id=not.isdistinct.1!NOT (\"articles\".\"id\" IS DISTINCT FROM ?)!1",
        "id=eq(any).{1,2}!\"articles\".\"id\" = ANY (?)!{1,2}",
        "id=gt(all).{1,2}!\"articles\".\"id\" > ALL (?)!{1,2}",
        "title=like(all).{*a*,*b*}!\"articles\".\"title\" like ALL (?)!{%a%,%b%}",
        "metadata->>lang=eq.es!\"articles\".\"metadata\"->>?::text = ?!lang;es",
        "metadata->views=gt.100!\"articles\".\"metadata\"->?::text > ?!views;100",
        "tags->>0=eq.java!to_jsonb(\"articles\".\"tags\")->>0 = ?!java",
      })
  void operators(String filter, String sql, String values) {
    assertThat(where(filter)).isEqualTo(sql);
    assertThat(params(filter)).containsExactlyElementsOf(Arrays.asList(values.split(";")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "word_count=is.null|\"articles\".\"word_count\" IS NULL",
        "word_count=is.not_null|\"articles\".\"word_count\" IS NOT NULL",
        "word_count=not.is.null|NOT (\"articles\".\"word_count\" IS NULL)",
        "flag=is.true|\"articles\".\"flag\" IS TRUE",
        "flag=is.false|\"articles\".\"flag\" IS FALSE",
        "flag=is.unknown|\"articles\".\"flag\" IS UNKNOWN",
        "flag=is.NULL|\"articles\".\"flag\" IS NULL",
      })
  void isTakesNoParameter(String filter, String sql) {
    assertThat(where(filter)).isEqualTo(sql);
    assertThat(params(filter)).isEmpty();
  }

  @Test
  void inIsOneArrayParameterWhoseElementsAreQuotedAndEscaped() {
    QueryPlan p =
        get(
            "/articles?select=id&title=in.(plain,\"with,comma\",\"q\\\"uote\",NULL,back\\slash,{br},%20sp%20)");
    assertThat(rows(p)).endsWith("WHERE \"articles\".\"title\" = ANY (?)");
    assertThat(rowParams(p))
        .containsExactly(
            "{\"plain\",\"with,comma\",\"q\\\"uote\",\"NULL\",\"back\\\\slash\",\"{br}\",\" sp \"}");
  }

  @Test
  void emptyInMatchesNothing() {
    assertThat(where("id=in.()")).isEqualTo("\"articles\".\"id\" = ANY (?)");
    assertThat(params("id=in.()")).containsExactly("{}");
    assertThat(where("id=not.in.()")).isEqualTo("NOT (\"articles\".\"id\" = ANY (?))");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "body=fts.cat|\"articles\".\"body\" @@ to_tsquery(?)|cat",
        "body=plfts.fat cats|\"articles\".\"body\" @@ plainto_tsquery(?)|fat cats",
        "body=phfts(english).fat cats|to_tsvector(?::regconfig, \"articles\".\"body\") @@ phraseto_tsquery(?::regconfig, ?)|english;english;fat cats",
        "body=not.wfts(french).amusant|NOT (to_tsvector(?::regconfig, \"articles\".\"body\") @@ websearch_to_tsquery(?::regconfig, ?))|french;french;amusant",
        "search=fts(english).cat|\"articles\".\"search\" @@ to_tsquery(?::regconfig, ?)|english;cat",
      })
  void fullTextSearch(String filter, String sql, String values) {
    assertThat(where(filter)).isEqualTo(sql);
    assertThat(params(filter)).containsExactlyElementsOf(Arrays.asList(values.split(";")));
  }

  @Test
  void filtersAreAnded() {
    assertThat(where("id=gt.1&status=eq.draft"))
        .isEqualTo("\"articles\".\"id\" > ? AND \"articles\".\"status\" = ?");
  }

  @Test
  void logicTreesNestAndNegate() {
    String filters =
        "or=(id.eq.1,and(status.eq.draft,not.or(word_count.lt.10,word_count.is.null)))&not.and=(title.like.a*,tags.cs.{x,y})";
    assertThat(where(filters))
        .isEqualTo(
            normal(
                """
                ("articles"."id" = ? OR ("articles"."status" = ? AND NOT ("articles"."word_count" < ?
                  OR "articles"."word_count" IS NULL)))
                AND NOT ("articles"."title" like ? AND "articles"."tags" @> ?)
                """));
    assertThat(params(filters)).containsExactly("1", "draft", "10", "a%", "{x,y}");
  }

  @Test
  void logicTreeValuesMayBeQuotedAndNegatedLeaves() {
    String filters = "or=(title.eq.\"a,b)\",title.not.in.(x,\"y,z\"),metadata->>k.eq.v)";
    assertThat(where(filters))
        .isEqualTo(
            "(\"articles\".\"title\" = ? OR NOT (\"articles\".\"title\" = ANY (?))"
                + " OR \"articles\".\"metadata\"->>?::text = ?)");
    assertThat(params(filters)).containsExactly("a,b)", "{\"x\",\"y,z\"}", "k", "v");
  }
}
