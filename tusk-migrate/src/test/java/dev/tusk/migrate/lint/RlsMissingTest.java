package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rls-missing}: which tables count as exposed, and what counts as enabling RLS on them. */
class RlsMissingTest {

  private static List<String> found(List<String> exposed, String... files) {
    return Lint.found(Lint.exposing(exposed, files));
  }

  @Test
  void aLaterFileEnablingRlsSatisfiesIt() {
    assertThat(
            found(
                List.of("api"),
                "V1__t.up.sql",
                "CREATE TABLE api.t (id int);",
                "V2__rls.up.sql",
                "ALTER TABLE api.t ENABLE ROW LEVEL SECURITY;"))
        .isEmpty();
    assertThat(found(List.of("api"), "V1__t.up.sql", "CREATE TABLE api.t (id int);"))
        .containsExactly("V1__t.up.sql:1:14 rls-missing");
  }

  @Test
  void onlyExposedSchemasCountAndNothingIsCheckedWithoutAny() {
    String sql = "CREATE TABLE private.t (id int);\nCREATE TABLE api.u (id int);\n";
    assertThat(found(List.of("api"), "V1__t.up.sql", sql))
        .containsExactly("V1__t.up.sql:2:14 rls-missing");
    LintResult none = Lint.exposing(List.of(), "V1__t.up.sql", sql);
    assertThat(none.findings()).isEmpty();
    assertThat(none.toText(false, f -> f)).contains("note: rls-missing not checked");
  }

  @Test
  void unqualifiedNamesResolveThroughTheFilesSearchPathElsePublic() {
    assertThat(found(List.of("public"), "V1__t.up.sql", "CREATE TABLE t (id int);"))
        .containsExactly("V1__t.up.sql:1:14 rls-missing");
    assertThat(
            found(
                List.of("api"),
                "V1__t.up.sql",
                "SET search_path TO api, public;\nCREATE TABLE t (id int);\n"
                    + "ALTER TABLE t ENABLE ROW LEVEL SECURITY;\nCREATE TABLE u (id int);"))
        .containsExactly("V1__t.up.sql:4:14 rls-missing");
    assertThat(
            found(
                List.of("api"),
                "V1__t.up.sql",
                "SELECT pg_catalog.set_config('search_path', 'API', false);\n"
                    + "CREATE TABLE t (id int);"))
        .containsExactly("V1__t.up.sql:2:14 rls-missing");
  }

  @Test
  void theSearchPathOfOneFileDoesNotCarryIntoTheNext() {
    assertThat(
            found(
                List.of("api"),
                "V1__a.up.sql",
                "SET search_path = api;\nCREATE TABLE t (id int);",
                "V2__b.up.sql",
                "ALTER TABLE t ENABLE ROW LEVEL SECURITY;"))
        .containsExactly("V1__a.up.sql:2:14 rls-missing");
  }

  @Test
  void quotingAndCaseFollowPostgresql() {
    String create =
        "CREATE TABLE api.\"Order Items\" (id int);\nCREATE TABLE Api.Plain (id int);\n";
    assertThat(
            found(
                List.of("api"),
                "V1__t.up.sql",
                create,
                "V2__rls.up.sql",
                "ALTER TABLE API.\"Order Items\" ENABLE ROW LEVEL SECURITY;\n"
                    + "ALTER TABLE \"api\".\"plain\" ENABLE ROW LEVEL SECURITY;"))
        .isEmpty();
    LintResult wrongCase =
        Lint.exposing(
            List.of("api"),
            "V1__t.up.sql",
            create,
            "V2__rls.up.sql",
            "ALTER TABLE api.\"order items\" ENABLE ROW LEVEL SECURITY;\n"
                + "ALTER TABLE api.\"Plain\" ENABLE ROW LEVEL SECURITY;");
    assertThat(Lint.found(wrongCase))
        .containsExactly("V1__t.up.sql:1:14 rls-missing", "V1__t.up.sql:2:14 rls-missing");
    assertThat(wrongCase.findings().get(0).message()).startsWith("table api.\"Order Items\" is in");
  }

  @Test
  void disablingAgainLeavesItMissingAndRenamesAndMovesAreFollowed() {
    assertThat(
            found(
                List.of("api"),
                "V1__t.up.sql",
                "CREATE TABLE api.t (id int);\nALTER TABLE api.t ENABLE ROW LEVEL SECURITY;",
                "V2__off.up.sql",
                "ALTER TABLE IF EXISTS ONLY api.t DISABLE ROW LEVEL SECURITY;"))
        .containsExactly("V1__t.up.sql:1:14 rls-missing");
    assertThat(
            found(
                List.of("api"),
                "V1__t.up.sql",
                "CREATE TABLE api.t (id int);\nALTER TABLE api.t RENAME TO u;\n"
                    + "ALTER TABLE api.u ENABLE ROW LEVEL SECURITY;\n"
                    + "CREATE TABLE internal.v (id int);\nALTER TABLE internal.v SET SCHEMA api;"))
        .containsExactly("V1__t.up.sql:4:14 rls-missing");
  }

  @Test
  void droppedAndTemporaryTablesAreNotReported() {
    assertThat(
            found(
                List.of("public"),
                "V1__t.up.sql",
                "CREATE TABLE a (id int);\nCREATE TEMP TABLE b (id int);\n"
                    + "CREATE GLOBAL TEMPORARY TABLE c (id int);\nDROP TABLE IF EXISTS x, a CASCADE;"))
        .isEmpty();
  }

  @Test
  void enablingRlsAmongOtherActionsCounts() {
    assertThat(
            found(
                List.of("api"),
                "V1__t.up.sql",
                "CREATE TABLE IF NOT EXISTS api.t (id int);\n"
                    + "ALTER TABLE api.t ADD COLUMN n int, ENABLE ROW LEVEL SECURITY, FORCE ROW"
                    + " LEVEL SECURITY;"))
        .isEmpty();
  }

  @Test
  void partitionsAreTablesTheApiServesToo() {
    assertThat(
            found(
                List.of("api"),
                "V1__t.up.sql",
                "CREATE TABLE api.events (at timestamptz) PARTITION BY RANGE (at);\n"
                    + "ALTER TABLE api.events ENABLE ROW LEVEL SECURITY;\n"
                    + "CREATE TABLE api.events_2026 PARTITION OF api.events\n"
                    + "  FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"))
        .containsExactly("V1__t.up.sql:3:14 rls-missing");
  }
}
