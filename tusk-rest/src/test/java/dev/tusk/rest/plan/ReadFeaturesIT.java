package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.FixtureDb.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.query.PlanRows;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.SqlStatement;
import dev.tusk.rest.tx.DbError;
import dev.tusk.rest.tx.TxResult;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Read features beyond the conformance cases on a real server: every operator against real types
 * (arrays, ranges, jsonb, tsvector), awkward values, aggregates, spreads, computed relationships,
 * the CSV and stripped-null renderings, and the EXPLAIN statements.
 */
@ExtendWith(TuskPostgres.class)
class ReadFeaturesIT {

  static FixtureDb db;
  static TestDatabase database;

  @BeforeAll
  static void load(TestDatabase d) throws Exception {
    database = d;
    db = FixtureDb.load(d);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<Integer> ids(String filters) throws DbError {
    List<Integer> out = new ArrayList<>();
    db.get("anon", "/notes?select=id&order=id&" + filters)
        .forEach(n -> out.add(n.get("id").asInt()));
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '!',
      value = {
        "body=eq.NULL!4",
        "body=eq.!6",
        "body=in.(\"it's \\\"quoted\\\", with, commas\",plain)!1;2",
        "body=in.(\"back\\\\slash {braces} (parens)\")!3",
        "body=like.*\"quoted\"*!2",
        "body=like.ünï*!5",
        "body=ilike.PLAIN!1",
        "body=match.^p!1",
        "tags=cs.{\"x,y\"}!2",
        "tags=cs.{\"q\\\"uote\"}!2",
        "tags=cd.{a,b,c}!1;3",
        "tags=ov.{b,ünï}!1;5",
        "tags=eq.{NULL}!4",
        "tags=eq.{\"\"}!6",
        "span=sl.[10,15)!1;2;6",
        "span=sr.[1,3)!2;3",
        "span=nxr.[1,6)!1;6",
        "span=nxl.[5,100)!2;3",
        "span=adj.[10,20)!2;3",
        "span=ov.[4,6)!1;2",
        "span=is.null!4",
        "extra=cs.{\"k\":\"v\"}!1",
        "extra->>k=eq.日本!4",
        "extra->list->0=eq.1!1",
        "extra->nested->deep->0->>x=eq.1!6",
        "extra->k=is.null!3;5;6",
        "n=gt.1.5!2;5",
        "n=eq(any).{1.5,2}!1;2",
        "n=lt(all).{2,3}!1;4;6",
        "id=not.in.(1,2,3)!4;5;6",
        "or=(n.is.null,and(id.gt.4,body.neq.))!3;5",
        "not.or=(id.lt.3,id.gt.4)!3;4",
        "body=isdistinct.plain!2;3;4;5;6",
      })
  void operatorsOnRealTypes(String filter, String expected) throws DbError {
    List<Integer> want = new ArrayList<>();
    for (String s : expected.split(";")) {
      want.add(Integer.parseInt(s));
    }
    assertThat(ids(filter)).as(filter).isEqualTo(want);
  }

  @Test
  void fullTextSearchOnTextAndTsvectorColumns() throws DbError {
    assertThat(db.get("anon", "/comments?select=id&search=fts(english).agree"))
        .isEqualTo(parse("[{\"id\":2}]"));
    assertThat(db.get("anon", "/comments?select=id&body=plfts(english).great%20news"))
        .isEqualTo(parse("[{\"id\":1}]"));
    assertThat(db.get("anon", "/comments?select=id&body=phfts.great%20news"))
        .isEqualTo(parse("[{\"id\":1}]"));
    assertThat(db.get("anon", "/comments?select=id&order=id&body=wfts(english).great%20or%20nice"))
        .isEqualTo(parse("[{\"id\":1},{\"id\":3}]"));
  }

  @Test
  void jsonPathsInSelectAndOrder() throws DbError {
    assertThat(
            db.get(
                "anon",
                "/notes?select=id,k:extra->>k,first:extra->list->0,tag:tags->>0&id=lte.2&order=id"))
        .isEqualTo(
            parse(
                "[{\"id\":1,\"k\":\"v\",\"first\":1,\"tag\":\"a\"},{\"id\":2,\"k\":null,\"first\":null,\"tag\":\"x,y\"}]"));
    assertThat(db.get("anon", "/articles?select=id&order=metadata->>lang.desc,id.desc"))
        .isEqualTo(parse("[{\"id\":4},{\"id\":3},{\"id\":1}]"));
  }

  @Test
  void aggregatesGroupByTheOtherColumns() throws DbError {
    assertThat(
            db.get(
                "carol",
                "/articles?select=status,n:count(),words:word_count.sum(),avg:word_count.avg()::int&order=status"))
        .isEqualTo(
            parse(
                "[{\"status\":\"archived\",\"n\":1,\"words\":100,\"avg\":100},"
                    + "{\"status\":\"draft\",\"n\":2,\"words\":1500,\"avg\":750},"
                    + "{\"status\":\"published\",\"n\":3,\"words\":1250,\"avg\":625}]"));
    assertThat(
            db.get(
                "carol",
                "/articles?select=lang:metadata->>lang,count()&order=metadata->>lang.nullsfirst"))
        .isEqualTo(
            parse(
                "[{\"lang\":null,\"count\":1},{\"lang\":\"en\",\"count\":4},{\"lang\":\"es\",\"count\":1}]"));
  }

  @Test
  void aggregatesInsideEmbedsAndSpreads() throws DbError {
    assertThat(db.get("anon", "/categories?select=name,articles(count())&order=id"))
        .isEqualTo(
            parse(
                "[{\"name\":\"News\",\"articles\":[{\"count\":1}]},{\"name\":\"Tech\",\"articles\":[{\"count\":1}]},"
                    + "{\"name\":\"Databases\",\"articles\":[{\"count\":1}]}]"));
    assertThat(db.get("carol", "/articles?select=status,...categories(name.max())&order=status"))
        .isEqualTo(
            parse(
                "[{\"status\":\"archived\",\"max\":null},{\"status\":\"draft\",\"max\":\"Tech\"},{\"status\":\"published\",\"max\":\"Tech\"}]"));
    assertThat(
            db.get(
                "carol",
                "/articles?select=words:word_count.sum(),categories(name)&order=categories(name)"))
        .isEqualTo(
            parse(
                "[{\"words\":1650,\"categories\":{\"name\":\"Databases\"}},{\"words\":null,\"categories\":{\"name\":\"News\"}},"
                    + "{\"words\":1100,\"categories\":{\"name\":\"Tech\"}},{\"words\":100,\"categories\":null}]"));
  }

  @Test
  void computedRelationshipsAndTheJunctionsAcrossSchemas() throws DbError {
    assertThat(
            db.get(
                "anon",
                "/articles?select=id,first_comment(author),long_comments(id)&id=eq.1&long_comments.order=id"))
        .isEqualTo(
            parse(
                "[{\"id\":1,\"first_comment\":{\"author\":\"bob\"},\"long_comments\":[{\"id\":1},{\"id\":2}]}]"));
    assertThat(db.get("anon", "/labels?select=name,articles(id)&articles.order=id&order=id"))
        .isEqualTo(
            parse(
                "[{\"name\":\"featured\",\"articles\":[{\"id\":1},{\"id\":3}]},{\"name\":\"tutorial\",\"articles\":[{\"id\":3}]},"
                    + "{\"name\":\"opinion\",\"articles\":[{\"id\":1},{\"id\":4}]}]"));
  }

  @Test
  void computedFieldsAndLegacyCount() throws DbError {
    assertThat(db.get("anon", "/articles?select=id,title_upper&title_upper=like.*JAVA*"))
        .isEqualTo(parse("[{\"id\":3,\"title_upper\":\"JAVA VIRTUAL THREADS\"}]"));
    assertThat(db.get("anon", "/articles?select=id&order=title_upper.desc&limit=1"))
        .isEqualTo(parse("[{\"id\":1}]"));
    assertThat(db.get("anon", "/articles?select=id,comments(count)&id=eq.1"))
        .isEqualTo(parse("[{\"id\":1,\"comments\":[{\"count\":2}]}]"));
  }

  @Test
  void antiJoinAndOrAcrossEmbeds() throws DbError {
    assertThat(db.get("anon", "/articles?select=id,comments()&comments=is.null&order=id"))
        .isEqualTo(parse("[{\"id\":4}]"));
    assertThat(
            db.get(
                "anon",
                "/articles?select=id,comments(),categories()&comments.author=eq.alice&categories.name=eq.News&or=(comments.not.is.null,categories.not.is.null)&order=id"))
        .isEqualTo(parse("[{\"id\":3},{\"id\":4}]"));
  }

  @Test
  void orderByAToOneEmbedAndSpreadOfStar() throws DbError {
    assertThat(
            db.get(
                "carol",
                "/articles?select=id,categories(name)&order=categories(name).desc.nullsfirst,id&limit=3"))
        .isEqualTo(
            parse(
                "[{\"id\":5,\"categories\":null},{\"id\":3,\"categories\":{\"name\":\"Tech\"}},{\"id\":6,\"categories\":{\"name\":\"Tech\"}}]"));
    assertThat(db.get("anon", "/articles?select=title,...categories(*)&id=eq.1"))
        .isEqualTo(
            parse(
                "[{\"title\":\"Postgres 18 released\",\"id\":3,\"name\":\"Databases\",\"parent_id\":2}]"));
  }

  @Test
  void csvQuotesLikeRecordOutputAndStrippedNullsDropKeys() throws DbError {
    TxResult csv =
        db.run(
            "anon",
            "GET",
            "/notes?select=id,body,tags&id=in.(2,4,6)&order=id",
            null,
            "Accept",
            "text/csv");
    assertThat(csv.body())
        .hasValue(
            "id,body,tags\n2,\"it's \"\"quoted\"\", with, commas\",\"{\"\"x,y\"\",\"\"q\\\\\"\"uote\"\"}\"\n"
                + "4,NULL,{NULL}\n6,\"\",\"{\"\"\"\"}\"");
    TxResult empty = db.run("anon", "GET", "/notes?select=id&id=eq.99", null, "Accept", "text/csv");
    assertThat(empty.body()).hasValue("\n");
    assertThat(
            db.get(
                "anon",
                "/notes?select=id,n,extra&id=eq.3",
                "Accept",
                "application/vnd.pgrst.array+json;nulls=stripped"))
        .isEqualTo(parse("[{\"id\":3}]"));
  }

  @Test
  void estimatedAndPlannedCounts() throws Exception {
    PlanSettings max2 =
        new PlanSettings(java.util.Optional.of(2), true, true, List.of("content", "identity"));
    QueryPlan planned =
        db.plan("GET", "/notes?select=id&id=gt.1", null, Plans.SETTINGS, "Prefer", "count=planned");
    long estimate = estimate(planned.estimatedCount().orElseThrow());
    assertThat(estimate).isPositive();
    QueryPlan estimated =
        db.plan("GET", "/notes?select=id", null, max2, "Prefer", "count=estimated");
    assertThat(estimate(estimated.estimatedCount().orElseThrow())).isPositive();
    TxResult r = db.run("anon", withoutEstimate(estimated), "GET", "/notes");
    assertThat(r.total()).isEmpty(); // 6 rows > max-rows 2: the estimate answers
    assertThat(r.pageTotal()).isEqualTo(2);
    QueryPlan small =
        db.plan("GET", "/notes?select=id&id=eq.1", null, max2, "Prefer", "count=estimated");
    assertThat(db.run("anon", withoutEstimate(small), "GET", "/notes").total()).hasValue(1);
  }

  @Test
  void explainPlansRunAsPlainStatements() throws Exception {
    QueryPlan p =
        db.plan(
            "GET",
            "/articles?select=id,categories(name)&id=eq.1",
            null,
            Plans.SETTINGS,
            "Accept",
            "application/vnd.pgrst.plan+json");
    String plan = String.join("\n", explain(p.main()));
    assertThat(parse(plan).get(0).has("Plan")).isTrue();
    QueryPlan text =
        db.plan(
            "GET",
            "/articles?select=id",
            null,
            Plans.SETTINGS,
            "Accept",
            "application/vnd.pgrst.plan");
    assertThat(explain(text.main()).get(0)).contains("Aggregate");
  }

  /** The transaction stage does not read EXPLAIN output yet: run the estimate here instead. */
  private static QueryPlan withoutEstimate(QueryPlan p) {
    return new QueryPlan(p.main(), p.readOnly(), java.util.Optional.empty(), p.shape());
  }

  private static long estimate(SqlStatement s) throws Exception {
    return new PlanRows(FixtureDb.MAPPER).estimate(String.join("\n", explain(s))).orElseThrow();
  }

  private static List<String> explain(SqlStatement s) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c =
            database
                .server()
                .superuser()
                .open(database.name(), Map.of("stringtype", "unspecified"));
        PreparedStatement ps = c.prepareStatement(s.sql())) {
      for (int i = 0; i < s.params().size(); i++) {
        ps.setString(i + 1, s.params().get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
