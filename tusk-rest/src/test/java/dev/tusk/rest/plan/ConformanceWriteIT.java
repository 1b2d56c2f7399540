package dev.tusk.rest.plan;

import static dev.tusk.rest.plan.FixtureDb.json;
import static dev.tusk.rest.plan.FixtureDb.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.rest.tx.DbError;
import dev.tusk.rest.tx.TxResult;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TuskPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write and RPC cases of the conformance suite (cases/04-auth writes, 05-rpc, 06-write) run
 * through the transaction stage, which rolls every request back.
 */
@ExtendWith(TuskPostgres.class)
class ConformanceWriteIT {

  static FixtureDb db;

  @BeforeAll
  static void load(TestDatabase database) throws Exception {
    db = FixtureDb.load(database);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static final String ALICE_ARTICLE =
      "{\"owner_id\":\"" + FixtureDb.ALICE + "\",\"title\":\"New article\"}";

  private static DbError fails(
      String persona, String method, String url, String body, String... headers) {
    try {
      db.run(persona, method, url, body, headers);
    } catch (DbError e) {
      return e;
    }
    throw new AssertionError("expected " + method + " " + url + " to fail");
  }

  @Test
  void insertReturningRepresentation() throws DbError {
    TxResult r =
        db.run(
            "alice",
            "POST",
            "/articles?select=title,status",
            ALICE_ARTICLE,
            "Prefer",
            "return=representation");
    assertThat(r.pageTotal()).isEqualTo(1);
    assertThat(json(r)).isEqualTo(parse("[{\"title\":\"New article\",\"status\":\"draft\"}]"));
  }

  @Test
  void bulkInsert() throws DbError {
    String body =
        "[{\"owner_id\":\""
            + FixtureDb.ALICE
            + "\",\"title\":\"A\"},{\"owner_id\":\""
            + FixtureDb.ALICE
            + "\",\"title\":\"B\"}]";
    TxResult r =
        db.run("alice", "POST", "/articles?select=title", body, "Prefer", "return=representation");
    assertThat(r.pageTotal()).isEqualTo(2);
    assertThat(json(r)).isEqualTo(parse("[{\"title\":\"A\"},{\"title\":\"B\"}]"));
  }

  @Test
  void insertWithMinimalReturnHasNoBody() throws DbError {
    TxResult r = db.run("alice", "POST", "/articles", ALICE_ARTICLE);
    assertThat(r.pageTotal()).isEqualTo(1);
    assertThat(r.body()).isEmpty();
    assertThat(r.location()).isEmpty();
  }

  @Test
  void headersOnlyGivesTheLocationFilter() throws DbError {
    TxResult r =
        db.run("alice", "POST", "/articles", ALICE_ARTICLE, "Prefer", "return=headers-only");
    assertThat(r.location()).get().asString().matches("id=eq\\.\\d+");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void updateOwnRowAndRowsRlsHides() throws DbError {
    TxResult r =
        db.run(
            "alice",
            "PATCH",
            "/articles?id=eq.2&select=id,title",
            "{\"title\":\"Updated\"}",
            "Prefer",
            "return=representation");
    assertThat(json(r)).isEqualTo(parse("[{\"id\":2,\"title\":\"Updated\"}]"));
    TxResult hidden =
        db.run(
            "alice",
            "PATCH",
            "/articles?id=eq.3&select=id",
            "{\"title\":\"Hacked\"}",
            "Prefer",
            "return=representation");
    assertThat(hidden.pageTotal()).isZero();
    assertThat(json(hidden)).isEqualTo(parse("[]"));
  }

  @Test
  void deleteWithRepresentationAndMinimal() throws DbError {
    TxResult r =
        db.run(
            "bob",
            "DELETE",
            "/comments?id=eq.4&select=id",
            null,
            "Prefer",
            "return=representation");
    assertThat(json(r)).isEqualTo(parse("[{\"id\":4}]"));
    TxResult minimal = db.run("bob", "DELETE", "/comments?id=eq.4", null);
    assertThat(minimal.pageTotal()).isEqualTo(1);
    assertThat(minimal.body()).isEmpty();
  }

  @Test
  void upsertMergingDuplicates() throws DbError {
    TxResult r =
        db.run(
            "carol",
            "POST",
            "/labels",
            "[{\"id\":1,\"name\":\"featured!\"},{\"id\":4,\"name\":\"howto\"}]",
            "Prefer",
            "resolution=merge-duplicates,return=representation");
    assertThat(json(r))
        .isEqualTo(parse("[{\"id\":1,\"name\":\"featured!\"},{\"id\":4,\"name\":\"howto\"}]"));
  }

  @Test
  void constraintViolationsComeFromPostgresql() {
    assertThat(fails("carol", "POST", "/labels", "{\"id\":9,\"name\":\"featured\"}").code())
        .isEqualTo("23505");
    DbError check =
        fails(
            "alice",
            "POST",
            "/articles",
            "{\"owner_id\":\"" + FixtureDb.ALICE + "\",\"title\":\"x\",\"status\":\"bogus\"}");
    assertThat(check.code()).isEqualTo("23514");
    assertThat(check.status()).isEqualTo(400);
    DbError fk = fails("carol", "POST", "/article_labels", "{\"article_id\":1,\"label_id\":99}");
    assertThat(fk.code()).isEqualTo("23503");
    assertThat(fk.status()).isEqualTo(409);
  }

  @Test
  void rlsAndGrantsDecideWhoMayWrite() {
    DbError anon =
        fails(
            "anon",
            "POST",
            "/articles",
            "{\"owner_id\":\"" + FixtureDb.ALICE + "\",\"title\":\"anon\"}");
    assertThat(anon.code()).isEqualTo("42501");
    assertThat(anon.status()).isEqualTo(401);
    DbError asBob =
        fails(
            "alice",
            "POST",
            "/articles",
            "{\"owner_id\":\"00000000-0000-0000-0000-000000000002\",\"title\":\"as bob\"}");
    assertThat(asBob.code()).isEqualTo("42501");
    assertThat(asBob.status()).isEqualTo(403);
  }

  @Test
  void rpcScalarByGetAndPost() throws DbError {
    assertThat(db.get("anon", "/rpc/add?a=1&b=2")).isEqualTo(parse("3"));
    assertThat(json(db.run("anon", "POST", "/rpc/add", "{\"a\":40,\"b\":2}")))
        .isEqualTo(parse("42"));
  }

  @Test
  void rpcSetReturningWithFiltersUnderRls() throws DbError {
    assertThat(db.get("alice", "/rpc/search_articles?q=draft&select=id&order=id"))
        .isEqualTo(parse("[{\"id\":2}]"));
  }

  @Test
  void rpcSeesTheClaims() throws DbError {
    assertThat(db.get("alice", "/rpc/whoami"))
        .isEqualTo(
            parse(
                "{\"role\":\"api_user\",\"sub\":\""
                    + FixtureDb.ALICE
                    + "\",\"email\":\"alice@example.com\"}"));
  }

  @Test
  void volatileFunctionByPostReturnsTheRow() throws DbError {
    JsonNode row = json(db.run("carol", "POST", "/rpc/publish_article", "{\"article_id\":2}"));
    assertThat(row.get("id").asInt()).isEqualTo(2);
    assertThat(row.get("status").asText()).isEqualTo("published");
  }

  @Test
  void customStatusFromRaise() {
    DbError e = fails("anon", "POST", "/rpc/payment_required", "{}");
    assertThat(e.code()).isEqualTo("PT402");
    assertThat(e.status()).isEqualTo(402);
  }

  @Test
  void volatileFunctionByGetIsReadOnly() {
    DbError e = fails("carol", "GET", "/rpc/publish_article?article_id=2", null);
    assertThat(e.code()).isEqualTo("25006");
    assertThat(e.status()).isEqualTo(405);
  }

  @Test
  void planningErrorsOfTheCases() {
    assertThatThrownBy(
            () ->
                db.run(
                    "alice",
                    "POST",
                    "/articles",
                    "{\"owner_id\":\"x\",\"title\":\"x\",\"nope\":1}"))
        .isInstanceOfSatisfying(
            PlanException.class, e -> assertThat(e.error().code()).isEqualTo("PGRST204"));
    assertThatThrownBy(() -> db.run("carol", "POST", "/labels", "{not json"))
        .isInstanceOfSatisfying(
            PlanException.class, e -> assertThat(e.error().code()).isEqualTo("PGRST102"));
    assertThatThrownBy(() -> db.run("anon", "GET", "/rpc/nope", null))
        .isInstanceOfSatisfying(
            PlanException.class, e -> assertThat(e.error().code()).isEqualTo("PGRST202"));
  }
}
