package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.FixtureDb.json;
import static dev.tusk.rest.plan.FixtureDb.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.rest.tx.DbError;
import dev.tusk.rest.tx.TxResult;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Function calls on a real server: every argument and result shape the planner supports. */
@ExtendWith(TuskPostgres.class)
class RpcFeaturesIT {

  static FixtureDb db;

  @BeforeAll
  static void load(TestDatabase database) throws Exception {
    db = FixtureDb.load(database);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static TxResult post(String url, String body, String... headers) throws DbError {
    return db.run("anon", "POST", url, body, headers);
  }

  @Test
  void overloadsAreChosenByArgumentNames() throws DbError {
    assertThat(db.get("anon", "/rpc/add?a=1&b=2")).isEqualTo(parse("3"));
    assertThat(db.get("anon", "/rpc/add?x=a%27b&y=%22c")).isEqualTo(parse("\"a'b\\\"c\""));
    assertThat(json(post("/rpc/add", "{\"x\":\"1\",\"y\":\"2\"}"))).isEqualTo(parse("\"12\""));
  }

  @Test
  void variadicByRepeatedParametersOrAJsonArray() throws DbError {
    assertThat(db.get("anon", "/rpc/sum_all?nums=1&nums=2&nums=3")).isEqualTo(parse("6"));
    assertThat(db.get("anon", "/rpc/sum_all?nums=4")).isEqualTo(parse("4"));
    assertThat(json(post("/rpc/sum_all", "{\"nums\":[1,2,3,4]}"))).isEqualTo(parse("10"));
  }

  @Test
  void tableFunctionsTakeSelectFiltersOrderAndRange() throws DbError {
    assertThat(db.get("carol", "/rpc/article_titles?min_words=500&select=id&order=id.desc&limit=2"))
        .isEqualTo(parse("[{\"id\":3},{\"id\":2}]"));
    assertThat(db.get("carol", "/rpc/article_titles?title=like.*Draft*&order=id"))
        .isEqualTo(
            parse(
                "[{\"id\":2,\"title\":\"Draft: Indexing tips\"},{\"id\":6,\"title\":\"Draft: REST APIs\"}]"));
    TxResult counted =
        db.run(
            "anon",
            "GET",
            "/rpc/notes_between?lo=1&hi=4&select=id&limit=1",
            null,
            "Prefer",
            "count=exact");
    assertThat(counted.total()).hasValue(4);
    assertThat(json(counted)).isEqualTo(parse("[{\"id\":1}]"));
  }

  @Test
  void setReturningFunctionsEmbedThroughTheirRowType() throws DbError {
    assertThat(
            db.get("anon", "/rpc/search_articles?q=a&select=id,categories(name)&order=id&limit=2"))
        .isEqualTo(
            parse(
                "[{\"id\":1,\"categories\":{\"name\":\"Databases\"}},{\"id\":3,\"categories\":{\"name\":\"Tech\"}}]"));
  }

  @Test
  void scalarsAndSetsOfScalars() throws DbError {
    assertThat(db.get("anon", "/rpc/label_names"))
        .isEqualTo(parse("[\"featured\",\"tutorial\",\"opinion\"]"));
    assertThat(db.get("anon", "/rpc/split?s=abc"))
        .isEqualTo(parse("{\"head\":\"a\",\"tail\":\"bc\"}"));
  }

  @Test
  void voidHasNoBodyAndNoRows() throws DbError {
    TxResult r = post("/rpc/noop", "");
    assertThat(r.pageTotal()).isZero();
    assertThat(r.body()).isEmpty();
  }

  @Test
  void wholeBodyForOneUnnamedParameter() throws DbError {
    assertThat(json(post("/rpc/echo", "{\"a\":[1,{\"b\":null}]}")))
        .isEqualTo(parse("{\"a\":[1,{\"b\":null}]}"));
    assertThat(json(post("/rpc/echo", "[1,2]"))).isEqualTo(parse("[1,2]"));
    assertThat(json(post("/rpc/upper_text", "it's ✓", "Content-Type", "text/plain")))
        .isEqualTo(parse("\"IT'S ✓\""));
  }

  @Test
  void paramsSingleObjectPassesTheBodyToOneJsonParameter() throws DbError {
    assertThat(
            json(post("/rpc/take_object", "{\"x\":1,\"y\":[2]}", "Prefer", "params=single-object")))
        .isEqualTo(parse("{\"x\":1,\"y\":[2]}"));
  }

  @Test
  void argumentsConvertToTheDeclaredTypes() throws DbError {
    assertThat(json(post("/rpc/many_args", "{\"a\":1,\"c\":{\"x\":[1]},\"d\":[\"p\",\"q,r\"]}")))
        .isEqualTo(parse("{\"a\":1,\"b\":\"dflt\",\"c\":{\"x\":[1]},\"d\":[\"p\",\"q,r\"]}"));
    assertThat(
            db.get(
                "anon", "/rpc/many_args?a=2&b=%7Bbraces%7D&d=%7Bx,%22y,z%22%7D&c=%7B%22k%22:1%7D"))
        .isEqualTo(parse("{\"a\":2,\"b\":\"{braces}\",\"c\":{\"k\":1},\"d\":[\"x\",\"y,z\"]}"));
  }

  @Test
  void responseGucsAreReadAfterTheCall() throws DbError {
    TxResult r = post("/rpc/set_headers", "{}");
    assertThat(r.responseHeaders()).hasValue("[{\"X-Test\": \"yes\"}]");
    assertThat(r.responseStatus()).hasValue("202");
    assertThat(json(r)).isEqualTo(parse("1"));
  }

  @Test
  void csvAndHeadOnFunctions() throws DbError {
    TxResult csv =
        db.run(
            "anon",
            "GET",
            "/rpc/notes_between?lo=1&hi=2&select=id,body&order=id",
            null,
            "Accept",
            "text/csv");
    assertThat(csv.body()).hasValue("id,body\n1,plain\n2,\"it's \"\"quoted\"\", with, commas\"");
    TxResult head = db.run("anon", "HEAD", "/rpc/label_names", null);
    assertThat(head.body()).isEmpty();
    assertThat(head.pageTotal()).isEqualTo(3);
  }
}
