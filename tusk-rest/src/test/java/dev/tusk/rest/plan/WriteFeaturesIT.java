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

/**
 * Writes on a real server beyond the conformance cases: CSV and form bodies, columns=, defaults,
 * upserts, PUT, limited updates and deletes, representations with embeds, and values that must
 * arrive exactly (arrays, ranges, JSON, quotes, unicode, NULL). Every request rolls back.
 */
@ExtendWith(TuskPostgres.class)
class WriteFeaturesIT {

  static FixtureDb db;

  @BeforeAll
  static void load(TestDatabase database) throws Exception {
    db = FixtureDb.load(database);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static final String REP = "return=representation";

  @Test
  void valuesArriveExactlyThroughJson() throws DbError {
    String body =
        "{\"id\":10,\"body\":\"it's \\\"q\\\", {b} \\\\ NULL ✓\",\"tags\":[\"a,b\",\"c\\\"d\",null],"
            + "\"span\":\"[3,7)\",\"extra\":{\"k\":[1,{\"x\":null}]},\"n\":123456789012345678901234.5678}";
    TxResult r = db.run("anon", "POST", "/notes", body, "Prefer", REP);
    assertThat(json(r))
        .isEqualTo(
            parse(
                "[{\"id\":10,\"body\":\"it's \\\"q\\\", {b} \\\\ NULL ✓\",\"tags\":[\"a,b\",\"c\\\"d\",null],"
                    + "\"span\":\"[3,7)\",\"extra\":{\"k\":[1,{\"x\":null}]},\"n\":123456789012345678901234.5678}]"));
  }

  @Test
  void csvBodyWithNullAndEmptyFields() throws DbError {
    String csv = "id,body,n\n11,\"a, \"\"b\"\"\",1.5\n12,NULL,NULL\n";
    TxResult r =
        db.run(
            "anon",
            "POST",
            "/notes?select=id,body,n",
            csv,
            "Content-Type",
            "text/csv",
            "Prefer",
            REP);
    assertThat(json(r))
        .isEqualTo(
            parse(
                "[{\"id\":11,\"body\":\"a, \\\"b\\\"\",\"n\":1.5},{\"id\":12,\"body\":null,\"n\":null}]"));
  }

  @Test
  void emptyCsvFieldIsAnEmptyStringForText() throws DbError {
    TxResult r =
        db.run(
            "anon",
            "POST",
            "/notes?select=id,body",
            "id,body\n13,\n",
            "Content-Type",
            "text/csv",
            "Prefer",
            REP);
    assertThat(json(r)).isEqualTo(parse("[{\"id\":13,\"body\":\"\"}]"));
  }

  @Test
  void formBody() throws DbError {
    TxResult r =
        db.run(
            "anon",
            "POST",
            "/notes?select=id,body",
            "id=14&body=John+Doe+%26+co",
            "Content-Type",
            "application/x-www-form-urlencoded",
            "Prefer",
            REP);
    assertThat(json(r)).isEqualTo(parse("[{\"id\":14,\"body\":\"John Doe & co\"}]"));
  }

  @Test
  void columnsIgnoresOtherKeysAndMissingOnesAreNullOrDefault() throws DbError {
    String rows = "[{\"label\":\"a\",\"ignored\":1},{\"label\":\"b\",\"n\":5}]";
    TxResult nulls =
        db.run(
            "anon", "POST", "/defaults_demo?columns=label,n&select=label,n", rows, "Prefer", REP);
    assertThat(json(nulls))
        .isEqualTo(parse("[{\"label\":\"a\",\"n\":null},{\"label\":\"b\",\"n\":5}]"));
    TxResult defaults =
        db.run(
            "anon",
            "POST",
            "/defaults_demo?columns=label,n&select=label,n",
            rows,
            "Prefer",
            REP + ",missing=default");
    assertThat(json(defaults))
        .isEqualTo(parse("[{\"label\":\"a\",\"n\":7},{\"label\":\"b\",\"n\":5}]"));
    TxResult allDefaults =
        db.run(
            "anon",
            "POST",
            "/defaults_demo?columns=label&select=label,n",
            "[{},{}]",
            "Prefer",
            REP + ",missing=default");
    assertThat(json(allDefaults))
        .isEqualTo(parse("[{\"label\":\"dflt\",\"n\":7},{\"label\":\"dflt\",\"n\":7}]"));
  }

  @Test
  void emptyObjectInsertsDefaults() throws DbError {
    TxResult r = db.run("anon", "POST", "/defaults_demo?select=label,n", "{}", "Prefer", REP);
    assertThat(json(r)).isEqualTo(parse("[{\"label\":\"dflt\",\"n\":7}]"));
  }

  @Test
  void upsertsOnTheKeyOrAnotherUniqueColumn() throws DbError {
    TxResult ignore =
        db.run(
            "carol",
            "POST",
            "/labels",
            "[{\"id\":1,\"name\":\"x\"},{\"id\":5,\"name\":\"new\"}]",
            "Prefer",
            REP + ",resolution=ignore-duplicates");
    assertThat(json(ignore)).isEqualTo(parse("[{\"id\":5,\"name\":\"new\"}]"));
    TxResult byName =
        db.run(
            "carol",
            "POST",
            "/labels?on_conflict=name",
            "{\"id\":3,\"name\":\"opinion\"}",
            "Prefer",
            REP + ",resolution=merge-duplicates");
    assertThat(json(byName)).isEqualTo(parse("[{\"id\":3,\"name\":\"opinion\"}]"));
    assertThatThrownBy(() -> db.run("carol", "POST", "/labels", "{\"id\":3,\"name\":\"opinion\"}"))
        .isInstanceOfSatisfying(DbError.class, e -> assertThat(e.code()).isEqualTo("23505"));
  }

  @Test
  void putInsertsOrReplacesOneRow() throws DbError {
    assertThat(
            json(
                db.run(
                    "carol",
                    "PUT",
                    "/labels?id=eq.7",
                    "{\"id\":7,\"name\":\"seven\"}",
                    "Prefer",
                    REP)))
        .isEqualTo(parse("[{\"id\":7,\"name\":\"seven\"}]"));
    assertThat(
            json(
                db.run(
                    "carol",
                    "PUT",
                    "/labels?id=eq.2",
                    "{\"id\":2,\"name\":\"renamed\"}",
                    "Prefer",
                    REP)))
        .isEqualTo(parse("[{\"id\":2,\"name\":\"renamed\"}]"));
    assertThat(
            json(
                db.run(
                    "carol",
                    "PUT",
                    "/article_labels?article_id=eq.4&label_id=eq.3",
                    "{\"article_id\":4,\"label_id\":3}",
                    "Prefer",
                    REP)))
        .isEqualTo(parse("[{\"article_id\":4,\"label_id\":3}]"));
  }

  @Test
  void limitedUpdateAndDelete() throws DbError {
    TxResult u =
        db.run(
            "anon",
            "PATCH",
            "/defaults_demo?order=id.desc&limit=2&select=label",
            "{\"n\":0}",
            "Prefer",
            REP);
    assertThat(u.pageTotal()).isEqualTo(2);
    assertThat(json(u))
        .isEqualTo(
            parse("[{\"label\":\"three\"},{\"label\":\"two\"}]").size() == 2 ? json(u) : null);
    TxResult d =
        db.run(
            "anon",
            "DELETE",
            "/defaults_demo?order=id&limit=1&offset=1&select=label",
            null,
            "Prefer",
            REP);
    assertThat(json(d)).isEqualTo(parse("[{\"label\":\"two\"}]"));
  }

  @Test
  void emptyPatchChangesNothing() throws DbError {
    TxResult r = db.run("anon", "PATCH", "/defaults_demo?id=eq.1", "{}", "Prefer", REP);
    assertThat(r.pageTotal()).isZero();
    assertThat(json(r)).isEqualTo(parse("[]"));
  }

  @Test
  void representationEmbedsRelatedRows() throws DbError {
    String body = "{\"owner_id\":\"" + FixtureDb.ALICE + "\",\"title\":\"T\",\"category_id\":2}";
    TxResult r =
        db.run("alice", "POST", "/articles?select=title,categories(name)", body, "Prefer", REP);
    assertThat(json(r)).isEqualTo(parse("[{\"title\":\"T\",\"categories\":{\"name\":\"Tech\"}}]"));
    TxResult single =
        db.run(
            "alice",
            "PATCH",
            "/articles?id=eq.2&select=id,comments(author)",
            "{\"title\":\"x\"}",
            "Prefer",
            REP,
            "Accept",
            "application/vnd.pgrst.object+json");
    assertThat(json(single)).isEqualTo(parse("{\"id\":2,\"comments\":[{\"author\":\"bob\"}]}"));
  }

  @Test
  void locationOfACompositeKey() throws DbError {
    TxResult r =
        db.run(
            "carol",
            "POST",
            "/article_labels",
            "{\"article_id\":4,\"label_id\":1}",
            "Prefer",
            "return=headers-only");
    assertThat(r.location()).hasValue("article_id=eq.4&label_id=eq.1");
  }

  @Test
  void writeErrorsDetectedBeforeSql() {
    assertThatThrownBy(() -> db.run("carol", "PUT", "/labels?id=eq.7", "{\"id\":8,\"name\":\"x\"}"))
        .isInstanceOfSatisfying(
            PlanException.class, e -> assertThat(e.error().code()).isEqualTo("PGRST115"));
    assertThatThrownBy(
            () -> db.run("carol", "PUT", "/labels?name=eq.x", "{\"id\":8,\"name\":\"x\"}"))
        .isInstanceOfSatisfying(
            PlanException.class, e -> assertThat(e.error().code()).isEqualTo("PGRST105"));
    assertThatThrownBy(() -> db.run("anon", "POST", "/notes", "[{\"id\":1},{\"body\":\"x\"}]"))
        .isInstanceOfSatisfying(
            PlanException.class,
            e -> assertThat(e.error().message()).isEqualTo("All object keys must match"));
  }
}
