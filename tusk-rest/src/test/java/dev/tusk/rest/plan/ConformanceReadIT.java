package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.FixtureDb.json;
import static dev.tusk.rest.plan.FixtureDb.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.rest.tx.DbError;
import dev.tusk.rest.tx.TxResult;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The read cases of the conformance suite (cases/01-read, 02-embed, 03-range), planned and run
 * through the transaction stage as the cases' personas: the bodies and totals the cases expect.
 * Status codes and headers are the response stage's; here the values they come from are checked.
 */
@ExtendWith(TuskPostgres.class)
class ConformanceReadIT {

  static FixtureDb db;

  @BeforeAll
  static void load(TestDatabase database) throws Exception {
    db = FixtureDb.load(database);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "anon|/articles?select=id,title&order=id|[{\"id\":1,\"title\":\"Postgres 18 released\"},{\"id\":3,\"title\":\"Java virtual threads\"},{\"id\":4,\"title\":\"Noticias en español\"}]",
        "anon|/articles?select=id&status=eq.published&order=id.desc|[{\"id\":4},{\"id\":3},{\"id\":1}]",
        "alice|/articles?select=id&word_count=gt.500&order=id|[{\"id\":2},{\"id\":3}]",
        "alice|/articles?select=id&word_count=is.null|[{\"id\":4}]",
        "alice|/articles?select=id&title=ilike.*postgres*&order=id|[{\"id\":1}]",
        "anon|/articles?select=id&id=in.(1,3,5)&order=id|[{\"id\":1},{\"id\":3}]",
        "alice|/articles?select=id&tags=cs.{postgres}&order=id|[{\"id\":1},{\"id\":2}]",
        "alice|/articles?select=id&or=(word_count.lt.500,status.eq.draft)&order=id|[{\"id\":1},{\"id\":2}]",
        "anon|/articles?select=id,lang:metadata->>lang&order=id|[{\"id\":1,\"lang\":\"en\"},{\"id\":3,\"lang\":\"en\"},{\"id\":4,\"lang\":\"es\"}]",
        "anon|/articles?select=id&metadata->>lang=eq.es|[{\"id\":4}]",
        "carol|/articles?select=id&status=not.eq.published&order=id|[{\"id\":2},{\"id\":5},{\"id\":6}]",
        "alice|/articles?select=id,word_count&order=word_count.desc.nullslast|[{\"id\":2,\"word_count\":1200},{\"id\":3,\"word_count\":800},{\"id\":1,\"word_count\":450},{\"id\":4,\"word_count\":null}]",
        "anon|/articles?select=id&body=fts.Loom|[{\"id\":3}]",
        "anon|/articles?select=id&order=metadata->views.desc|[{\"id\":3},{\"id\":1},{\"id\":4}]",
        "anon|/articles?select=article_id:id&order=id&limit=1|[{\"article_id\":1}]",
        "anon|/articles?select=id,word_count::text&id=eq.1|[{\"id\":1,\"word_count\":\"450\"}]",
        "anon|/articles?select=id&title=like(any).{*threads,*released}&order=id|[{\"id\":1},{\"id\":3}]",
        "bob|/articles?select=id&word_count=lte.450&status=neq.archived&order=id|[{\"id\":1},{\"id\":6}]",
        "alice|/articles?select=id&word_count=isdistinct.450&order=id|[{\"id\":2},{\"id\":3},{\"id\":4}]",
        "anon|/articles?select=id,title,categories(name)&id=eq.1|[{\"id\":1,\"title\":\"Postgres 18 released\",\"categories\":{\"name\":\"Databases\"}}]",
        "anon|/articles?select=id,comments(id,body)&id=eq.1&comments.order=id|[{\"id\":1,\"comments\":[{\"id\":1,\"body\":\"Great news\"},{\"id\":2,\"body\":\"Agreed\"}]}]",
        "anon|/articles?select=id,labels(name)&id=eq.1&labels.order=name|[{\"id\":1,\"labels\":[{\"name\":\"featured\"},{\"name\":\"opinion\"}]}]",
        "anon|/categories?select=name,articles(id)&id=eq.3|[{\"name\":\"Databases\",\"articles\":[{\"id\":1}]}]",
        "anon|/articles?select=id,categories!inner(name)&categories.name=eq.Tech&order=id|[{\"id\":3,\"categories\":{\"name\":\"Tech\"}}]",
        "anon|/articles?select=id,comments(id)&id=eq.1&comments.order=id.desc&comments.limit=1|[{\"id\":1,\"comments\":[{\"id\":2}]}]",
        "anon|/articles?select=id,...categories(category:name)&id=eq.3|[{\"id\":3,\"category\":\"Tech\"}]",
        "anon|/articles?select=id,cat:categories(name)&id=eq.4|[{\"id\":4,\"cat\":{\"name\":\"News\"}}]",
        "anon|/categories?select=name,articles(title,comments(author))&id=eq.2&articles.order=id|[{\"name\":\"Tech\",\"articles\":[{\"title\":\"Java virtual threads\",\"comments\":[{\"author\":\"alice\"}]}]}]",
        "carol|/articles?select=id,categories(name)&id=eq.5|[{\"id\":5,\"categories\":null}]",
        "carol|/articles?select=id&order=id&limit=2&offset=1|[{\"id\":2},{\"id\":3}]",
        "anon|/articles?select=id&id=eq.999|[]",
        "alice|/articles?select=id&order=id|[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4}]",
        "bob|/articles?select=id&order=id|[{\"id\":1},{\"id\":3},{\"id\":4},{\"id\":6}]",
        "alice|/users?select=email&order=email|[{\"email\":\"alice@example.com\"},{\"email\":\"bob@example.com\"},{\"email\":\"carol@example.com\"}]",
      })
  void bodies(String persona, String url, String expected) throws DbError {
    String[] headers =
        url.startsWith("/users") ? new String[] {"Accept-Profile", "identity"} : new String[0];
    assertThat(db.get(persona, url, headers)).isEqualTo(parse(expected));
  }

  @Test
  void exactCountOnAPartialPage() throws DbError {
    TxResult r =
        db.run(
            "carol", "GET", "/articles?select=id&order=id&limit=2", null, "Prefer", "count=exact");
    assertThat(r.total()).hasValue(6);
    assertThat(r.pageTotal()).isEqualTo(2);
    assertThat(json(r)).isEqualTo(parse("[{\"id\":1},{\"id\":2}]"));
  }

  @Test
  void headWithExactCountHasTotalsButNoBody() throws DbError {
    TxResult r = db.run("anon", "HEAD", "/articles?select=id", null, "Prefer", "count=exact");
    assertThat(r.total()).hasValue(3);
    assertThat(r.pageTotal()).isEqualTo(3);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void rangeHeaderLimitsTheRows() throws DbError {
    TxResult r = db.run("carol", "GET", "/articles?select=id&order=id", null, "Range", "0-1");
    assertThat(json(r)).isEqualTo(parse("[{\"id\":1},{\"id\":2}]"));
    assertThat(r.total()).isEmpty();
  }

  @Test
  void emptyResultWithACount() throws DbError {
    TxResult r =
        db.run("anon", "GET", "/articles?select=id&id=eq.999", null, "Prefer", "count=exact");
    assertThat(r.total()).hasValue(0);
    assertThat(r.pageTotal()).isZero();
    assertThat(json(r)).isEqualTo(parse("[]"));
  }

  @Test
  void offsetPastTheEndStillCountsAll() throws DbError {
    TxResult r =
        db.run(
            "anon",
            "GET",
            "/articles?select=id&order=id&offset=100",
            null,
            "Prefer",
            "count=exact");
    assertThat(r.total()).hasValue(3);
    assertThat(r.pageTotal()).isZero();
  }

  @Test
  void singularObjectIsTheRowItself() throws DbError {
    TxResult r =
        db.run(
            "anon",
            "GET",
            "/articles?select=id,title&id=eq.3",
            null,
            "Accept",
            "application/vnd.pgrst.object+json");
    assertThat(r.pageTotal()).isEqualTo(1);
    assertThat(json(r)).isEqualTo(parse("{\"id\":3,\"title\":\"Java virtual threads\"}"));
  }

  @Test
  void singularObjectWithManyRowsReportsTheirNumber() {
    // The transaction stage refuses it (and rolls back) before commit: 406 PGRST116.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                db.run(
                    "anon",
                    "GET",
                    "/articles?select=id",
                    null,
                    "Accept",
                    "application/vnd.pgrst.object+json"))
        .isInstanceOfSatisfying(
            DbError.class,
            e -> {
              assertThat(e.code()).isEqualTo("PGRST116");
              assertThat(e.status()).isEqualTo(406);
              assertThat(e.details()).hasValue("The result contains 3 rows");
            });
  }

  @Test
  void csvHasAHeaderAndOneLinePerRow() throws DbError {
    TxResult r =
        db.run("anon", "GET", "/articles?select=id,title&order=id", null, "Accept", "text/csv");
    assertThat(r.body())
        .hasValue(
            "id,title\n1,\"Postgres 18 released\"\n3,\"Java virtual threads\"\n4,\"Noticias en español\"");
  }

  @Test
  void unknownColumnInAFilterIsPostgresqls42703() {
    assertThatThrownBy(() -> db.run("anon", "GET", "/articles?select=id&nope=eq.1", null))
        .isInstanceOfSatisfying(
            DbError.class,
            e -> {
              assertThat(e.code()).isEqualTo("42703");
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).contains("articles.nope");
            });
  }

  @Test
  void anonymousCannotReadUsers() {
    assertThatThrownBy(
            () -> db.run("anon", "GET", "/users?select=email", null, "Accept-Profile", "identity"))
        .isInstanceOfSatisfying(
            DbError.class,
            e -> {
              assertThat(e.code()).isEqualTo("42501");
              assertThat(e.status()).isEqualTo(401);
            });
  }
}
