package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tusk migrate lint} without a server: output format, exit codes with and without {@code
 * --strict}, the JSON shape, the exposed schemas taken from the api section, bad options and files
 * (exit 2), and the one-line fallback when the server cannot be reached. Table sizes from a live
 * server are covered by {@code MigrateLintIT}.
 */
class MigrateLintCliTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static final String API_CONFIG =
      """
      databases:
        - name: app
      roles:
        - { name: authenticator, login: true, member_of: [web_anon] }
        - { name: web_anon }
      api:
        schemas: [api]
        anon_role: web_anon
      """;

  @TempDir Path dir;

  private CliRunner.Result run(String... args) {
    return CliRunner.run(dir, Map.of(), args);
  }

  private Path migrations() throws IOException {
    return Files.createDirectories(dir.resolve("migrations"));
  }

  private void write(String name, String sql) throws IOException {
    Files.writeString(migrations().resolve(name), sql);
  }

  private void warningsOnly() throws IOException {
    Files.writeString(dir.resolve("tusk.yaml"), API_CONFIG);
    write("V1__orders.up.sql", "CREATE TABLE api.orders (id int, placed_at timestamp);\n");
    write("V1__orders.down.sql", "DROP TABLE api.orders;\n");
  }

  @Test
  void warningsAreListedWithHintsAndExitZero() throws IOException {
    warningsOnly();

    CliRunner.Result r = run("migrate", "lint", "--offline");

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().toList())
        .containsExactly(
            "migrations/V1__orders.up.sql:1:14: warning [rls-missing] table api.orders is in"
                + " schema api, which the REST API exposes, and row level security is never"
                + " enabled on it: the API's roles reach every row their grants allow",
            "  hint: enable it in this or a later migration: ALTER TABLE ... ENABLE ROW LEVEL"
                + " SECURITY, with policies for the API's roles",
            "migrations/V1__orders.up.sql:1:44: warning [timestamp-without-tz] column placed_at"
                + " of api.orders is timestamp without time zone: it stores a wall-clock reading"
                + " with no zone, so values written from different time zones (or across a DST"
                + " change) do not compare correctly",
            "  hint: use timestamptz (timestamp with time zone): it stores an instant and shows"
                + " it in the session's time zone",
            "0 error(s), 2 warning(s) in 1 file(s), 1 statement(s).");
  }

  @Test
  void strictMakesWarningsFail() throws IOException {
    warningsOnly();

    CliRunner.Result r = run("migrate", "lint", "--offline", "--strict");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains(": error [rls-missing]")
        .contains(": error [timestamp-without-tz]")
        .endsWith(
            "2 error(s), 0 warning(s) in 1 file(s), 1 statement(s) (--strict: warnings count as"
                + " errors).\n");
  }

  @Test
  void anErrorLevelFindingFailsWithoutStrict() throws IOException {
    write("V1__i.up.sql", "CREATE INDEX CONCURRENTLY i ON t (a);\n");

    CliRunner.Result r = run("migrate", "lint", "--offline");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .startsWith("migrations/V1__i.up.sql:1:14: error [needs-no-transaction]")
        .contains("note: rls-missing not checked");
  }

  @Test
  void aCleanSetExitsZeroEvenWhenStrict() throws IOException {
    Files.writeString(dir.resolve("tusk.yaml"), API_CONFIG);
    write(
        "V1__orders.up.sql",
        "CREATE TABLE api.orders (id int, placed_at timestamptz);\n"
            + "ALTER TABLE api.orders ENABLE ROW LEVEL SECURITY;\n");
    write("R__views.sql", "CREATE OR REPLACE VIEW api.v AS SELECT 1 AS one;\n");

    CliRunner.Result r = run("migrate", "lint", "--offline", "--strict");

    assertThat(r.exit()).as(r.out()).isEqualTo(0);
    assertThat(r.out()).isEqualTo("No findings in 2 file(s), 3 statement(s).\n");
  }

  @Test
  void jsonHasTheFindingsCountsAndWhatWasChecked() throws IOException {
    warningsOnly();

    CliRunner.Result r = run("migrate", "lint", "--offline", "--json", "--large-table-rows", "5");

    assertThat(r.exit()).isEqualTo(0);
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.path("ok").asBoolean()).isTrue();
    assertThat(json.path("strict").asBoolean()).isFalse();
    assertThat(json.path("findings")).hasSize(2);
    JsonNode first = json.path("findings").get(0);
    assertThat(first.path("rule").asText()).isEqualTo("rls-missing");
    assertThat(first.path("severity").asText()).isEqualTo("warning");
    assertThat(first.path("file").asText()).isEqualTo("migrations/V1__orders.up.sql");
    assertThat(first.path("line").asInt()).isEqualTo(1);
    assertThat(first.path("column").asInt()).isEqualTo(14);
    assertThat(first.path("message").asText()).startsWith("table api.orders is in schema api");
    assertThat(first.path("hint").asText()).startsWith("enable it in this or a later migration");
    assertThat(json.path("counts").toString())
        .isEqualTo("{\"error\":0,\"warning\":2,\"suppressed\":0}");
    assertThat(json.path("checked").toString())
        .isEqualTo(
            "{\"files\":1,\"statements\":1,\"exposed_schemas\":[\"api\"],"
                + "\"table_sizes\":\"offline\",\"large_table_rows\":5}");

    CliRunner.Result strict = run("migrate", "lint", "--offline", "--json", "--strict");
    assertThat(strict.exit()).isEqualTo(1);
    JsonNode s = JSON.readTree(strict.out());
    assertThat(s.path("ok").asBoolean()).isFalse();
    assertThat(s.path("findings").get(0).path("severity").asText()).isEqualTo("error");
  }

  @Test
  void aDisabledApiOrOneServingAnotherDatabaseExposesNothing() throws IOException {
    write("V1__orders.up.sql", "CREATE TABLE api.orders (id int);\n");
    Files.writeString(
        dir.resolve("tusk.yaml"), API_CONFIG.replace("api:\n", "api:\n  enabled: false\n"));
    assertThat(run("migrate", "lint", "--offline").out())
        .contains("note: rls-missing not checked")
        .doesNotContain("[rls-missing]");
    Files.writeString(
        dir.resolve("tusk.yaml"),
        API_CONFIG.replace("  - name: app\n", "  - name: app\n  - name: other\n")
            + "migrations:\n  database: other\n");
    assertThat(run("migrate", "lint", "--offline").out()).doesNotContain("[rls-missing]");
  }

  @Test
  void badOptionsAndBadFilesAreExitTwo() throws IOException {
    write("V1__x.up.sql", "SELECT 1;\n");

    CliRunner.Result negative = run("migrate", "lint", "--offline", "--large-table-rows", "-1");
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(negative.err())
        .contains("--large-table-rows must be 0 or more, not -1 (migrate.bad_large_table_rows)");
    assertThat(run("migrate", "lint", "--large-table-rows", "many").exit()).isEqualTo(2);
    assertThat(run("migrate", "lint", "--frobnicate").exit()).isEqualTo(2);

    write("V2__bad.up.sql", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n");
    CliRunner.Result bad = run("migrate", "lint", "--offline");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err())
        .contains("V2__bad.up.sql:1: unterminated dollar-quoted string $$")
        .doesNotContain("\tat ");
    assertThat(bad.out()).isEmpty();
  }

  @Test
  void aMissingDirectoryIsExitTwo() {
    CliRunner.Result r = run("migrate", "lint");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("migrate.no_directory");
  }

  @Test
  void anUnreachableServerIsOneLineThenOffline() throws IOException {
    write("V1__t.up.sql", "CREATE TABLE t (a int);\n");
    write("V2__i.up.sql", "CREATE INDEX i ON t (a);\n");
    Files.writeString(
        dir.resolve("tusk.yaml"),
        "postgres: { port: %d, superuser_password: pw, tls: { mode: off } }\n"
            .formatted(TestProject.freePort()));

    CliRunner.Result r = run("migrate", "lint", "--json");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err())
        .startsWith("lint: no table sizes from the server (could not connect to database app on")
        .endsWith(
            "checking offline, where every index on a table the file does not create counts as"
                + " possibly large\n");
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.path("checked").path("table_sizes").asText()).isEqualTo("offline");
    assertThat(json.path("findings").get(0).path("rule").asText())
        .isEqualTo("index-not-concurrent");
  }

  @Test
  void aPlatformThatNeverStartedIsAlsoCheckedOffline() throws IOException {
    write("V1__t.up.sql", "CREATE TABLE t (a int);\n");

    CliRunner.Result r = run("migrate", "lint");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.err()).startsWith("lint: no table sizes from the server (no password is known");
    assertThat(r.out()).contains("No findings in 1 file(s)");
  }

  @Test
  void helpListsTheRules() {
    CliRunner.Result r = run("migrate", "lint", "--help");

    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out())
        .contains("--strict")
        .contains("--large-table-rows=N")
        .contains("security-definer-search-path")
        .contains("tusk-lint-ignore");
  }
}
