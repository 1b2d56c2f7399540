package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text and JSON reports, and how --strict changes severities and the outcome. */
class LintResultTest {

  private static LintResult sample() {
    return Lint.run(
        List.of("api"),
        TableSizes.offline(),
        "V1__t.up.sql",
        "CREATE TABLE api.t (a int, at timestamp);\nALTER TABLE api.t ENABLE ROW LEVEL SECURITY;",
        "V2__c.up.sql",
        "CREATE INDEX CONCURRENTLY i ON api.t (a);");
  }

  @Test
  void textListsFindingsWithHintsThenASummary() {
    assertThat(sample().toText(false, f -> "migrations/" + f))
        .isEqualTo(
            "migrations/V1__t.up.sql:1:31: warning [timestamp-without-tz] column at of api.t is"
                + " timestamp without time zone: it stores a wall-clock reading with no zone, so"
                + " values written from different time zones (or across a DST change) do not"
                + " compare correctly\n"
                + "  hint: "
                + Rule.TIMESTAMP_WITHOUT_TZ.hint()
                + "\n"
                + "migrations/V2__c.up.sql:1:14: error [needs-no-transaction] CREATE INDEX"
                + " CONCURRENTLY cannot run inside a transaction block, and this file runs in one"
                + " (its line 1 is not -- tusk:no-transaction), so the migration would fail with"
                + " SQLSTATE 25001\n"
                + "  hint: "
                + Rule.NEEDS_NO_TRANSACTION.hint()
                + "\n"
                + "1 error(s), 1 warning(s) in 2 file(s), 3 statement(s).\n");
  }

  @Test
  void strictMakesWarningsErrors() {
    LintResult r = sample();
    assertThat(r.failed(false)).isTrue();
    assertThat(r.errors(true)).isEqualTo(2);
    assertThat(r.toText(true, f -> f))
        .contains("V1__t.up.sql:1:31: error [timestamp-without-tz]")
        .endsWith(
            "2 error(s), 0 warning(s) in 2 file(s), 3 statement(s) (--strict: warnings"
                + " count as errors).\n");
    LintResult warningsOnly = Lint.run("V1__t.up.sql", "CREATE TABLE t (at timestamp);");
    assertThat(warningsOnly.failed(false)).isFalse();
    assertThat(warningsOnly.failed(true)).isTrue();
  }

  @Test
  void jsonHasEveryFieldOfEveryFinding() {
    JsonNode json = sample().toJson(false, f -> "m/" + f);
    assertThat(json.path("ok").asBoolean()).isFalse();
    assertThat(json.path("strict").asBoolean()).isFalse();
    assertThat(json.path("findings")).hasSize(2);
    JsonNode first = json.path("findings").get(0);
    assertThat(first.path("rule").asText()).isEqualTo("timestamp-without-tz");
    assertThat(first.path("severity").asText()).isEqualTo("warning");
    assertThat(first.path("file").asText()).isEqualTo("m/V1__t.up.sql");
    assertThat(first.path("line").asInt()).isEqualTo(1);
    assertThat(first.path("column").asInt()).isEqualTo(31);
    assertThat(first.path("message").asText()).startsWith("column at of api.t");
    assertThat(first.path("hint").asText()).isEqualTo(Rule.TIMESTAMP_WITHOUT_TZ.hint());
    assertThat(json.path("counts").toString())
        .isEqualTo("{\"error\":1,\"warning\":1,\"suppressed\":0}");
    assertThat(json.path("checked").toString())
        .isEqualTo(
            "{\"files\":2,\"statements\":3,\"exposed_schemas\":[\"api\"],"
                + "\"table_sizes\":\"offline\",\"large_table_rows\":10000}");
  }

  @Test
  void noFindingsSaysSo() {
    LintResult r =
        Lint.exposing(List.of("api"), "V1__t.up.sql", "SELECT 1;", "R__v.sql", "SELECT 2;");
    assertThat(r.toText(true, f -> f)).isEqualTo("No findings in 2 file(s), 2 statement(s).\n");
    assertThat(r.toJson(true, f -> f).path("ok").asBoolean()).isTrue();
  }
}
