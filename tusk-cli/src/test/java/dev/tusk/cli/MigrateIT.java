package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Migrations end to end: {@code tusk up} (a real process) applies them after bootstrap as the
 * database owner, then {@code tusk migrate} drives them against the running platform: new, status,
 * up, down, a failing migration, an edited applied file, and a failing migration at start, which
 * makes {@code tusk up} exit 1 and leave PostgreSQL stopped. The project has an init_sql script, so
 * the schema tusk is the superuser's, as it is for most projects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Path dir;
  static Path migrations;
  static TuskProcess tusk;

  @BeforeAll
  static void project() throws IOException {
    dir = Files.createTempDirectory("tusk-migrate-it-");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(dir.resolve("sql"));
    Files.writeString(dir.resolve("sql/001-init.sql"), "CREATE TABLE content.seed (id int);\n");
    Files.writeString(
        dir.resolve("tusk.yaml"),
        """
        cluster:
          name: db-migrateit-test
        postgres:
          port: %d
        databases:
          - name: app
            owner: app_owner
            schemas: [content]
            init_sql: [sql/001-init.sql]
        roles:
          - { name: app_owner, login: true }
        admin:
          port: %d
        """
            .formatted(ConfigErrorsCliTest.freePort(), ConfigErrorsCliTest.freePort()));
    migrations = Files.createDirectories(dir.resolve("migrations"));
    write("V1__items.up.sql", "CREATE TABLE content.items (id int PRIMARY KEY, name text);\n");
    write("V1__items.down.sql", "DROP TABLE content.items CASCADE;\n");
    write("V2__item_note.up.sql", "ALTER TABLE content.items ADD COLUMN note text;\n");
    write("V2__item_note.down.sql", "ALTER TABLE content.items DROP COLUMN note;\n");
    write(
        "R__views.sql",
        "CREATE OR REPLACE VIEW content.item_names AS SELECT name FROM content.items;\n");
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (tusk != null) {
      tusk.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static void write(String name, String sql) throws IOException {
    Files.writeString(migrations.resolve(name), sql);
  }

  static CliRunner.Result tusk(String... args) {
    return CliRunner.run(dir, Map.of(), args);
  }

  static String sql(String query) {
    CliRunner.Result r = tusk("sql", "--csv", query);
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    return r.out();
  }

  static JsonNode json(CliRunner.Result r) throws IOException {
    return JSON.readTree(r.out());
  }

  static String state(JsonNode status, String version) {
    for (JsonNode m : status.path("migrations")) {
      if (m.path("version").asText().equals(version)) {
        return m.path("state").asText();
      }
    }
    return "(absent)";
  }

  @Test
  @Order(1)
  void tuskUpAppliesThemAfterBootstrapAsTheOwner() throws Exception {
    tusk = TuskProcess.start(dir, Map.of(), "up");
    tusk.awaitOut("stop with Ctrl-C", Duration.ofMinutes(3));

    assertThat(tusk.out()).contains("migrations: applied 3 (1 repeatable), now at V2");
    assertThat(
            sql(
                "SELECT (SELECT tableowner FROM pg_tables WHERE tablename = 'items'),"
                    + " (SELECT viewowner FROM pg_views WHERE viewname = 'item_names'),"
                    + " (SELECT tableowner FROM pg_tables WHERE tablename = 'schema_migrations'),"
                    + " (SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'tusk'),"
                    + " (SELECT string_agg(DISTINCT applied_by, ',') FROM tusk.schema_migrations)"))
        .endsWith("\r\napp_owner,app_owner,app_owner,postgres,app_owner\r\n");
  }

  @Test
  @Order(2)
  void newStatusUpAndDownAgainstTheRunningPlatform() throws Exception {
    CliRunner.Result created = tusk("migrate", "new", "add_email");
    assertThat(created.exit()).as(created.err()).isEqualTo(0);
    assertThat(created.out()).contains("Created migrations/V3__add_email.up.sql");
    Path up = migrations.resolve("V3__add_email.up.sql");
    Path down = migrations.resolve("V3__add_email.down.sql");
    Files.writeString(
        up,
        Files.readString(up)
            + "ALTER TABLE content.items ADD COLUMN email text;\n"
            + "CREATE INDEX items_email ON content.items (email);\n");
    Files.writeString(
        down,
        Files.readString(down)
            + "DROP INDEX content.items_email;\nALTER TABLE content.items DROP COLUMN email;\n");

    CliRunner.Result status = tusk("migrate", "status", "--json");
    assertThat(status.exit()).as(status.err()).isEqualTo(0);
    JsonNode s = json(status);
    assertThat(state(s, "1")).isEqualTo("applied");
    assertThat(state(s, "2")).isEqualTo("applied");
    assertThat(state(s, "3")).isEqualTo("pending");
    assertThat(s.path("counts").path("pending").asInt()).isEqualTo(1);

    CliRunner.Result dry = tusk("migrate", "up", "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isEqualTo(0);
    assertThat(dry.out())
        .contains("-- up V3 add_email: V3__add_email.up.sql (one transaction)")
        .contains("ADD COLUMN email");
    assertThat(sql("SELECT count(*) FROM pg_attribute WHERE attname = 'email'"))
        .isEqualTo("count\r\n0\r\n");

    CliRunner.Result applied = tusk("migrate", "up", "--json");
    assertThat(applied.exit()).as(applied.err()).isEqualTo(0);
    JsonNode a = json(applied);
    assertThat(a.path("operation").asText()).isEqualTo("up");
    assertThat(a.path("dry_run").asBoolean()).isFalse();
    assertThat(a.path("steps")).hasSize(1);
    assertThat(a.at("/steps/0/version").asText()).isEqualTo("3");
    assertThat(a.at("/steps/0/direction").asText()).isEqualTo("up");
    assertThat(
            sql(
                "SELECT indexrelid::regclass::text, pg_get_userbyid(c.relowner) FROM pg_index"
                    + " JOIN pg_class c ON c.oid = indrelid WHERE indexrelid::regclass::text LIKE"
                    + " '%items_email'"))
        .isEqualTo("indexrelid,pg_get_userbyid\r\ncontent.items_email,app_owner\r\n");

    CliRunner.Result text = tusk("migrate", "status");
    assertThat(text.out()).contains("add_email").contains("4 applied").doesNotContain("pending");

    CliRunner.Result reverted = tusk("migrate", "down", "--steps", "1", "--json");
    assertThat(reverted.exit()).as(reverted.err()).isEqualTo(0);
    assertThat(json(reverted).at("/steps/0/direction").asText()).isEqualTo("down");
    assertThat(json(reverted).at("/steps/0/version").asText()).isEqualTo("3");
    assertThat(sql("SELECT count(*) FROM pg_attribute WHERE attname = 'email'"))
        .isEqualTo("count\r\n0\r\n");

    CliRunner.Result again = tusk("migrate", "up", "--to", "3");
    assertThat(again.exit()).as(again.err()).isEqualTo(0);
    assertThat(again.out()).contains("Applied 1 migration(s).");
  }

  @Test
  @Order(3)
  void aFailingMigrationIsExitOneWithFileAndLineAndChangesNothing() throws Exception {
    write(
        "V4__broken.up.sql",
        "-- half of this would apply without a transaction\n"
            + "CREATE TABLE content.half (id int);\n"
            + "INSERT INTO content.no_such_table VALUES (1);\n");

    CliRunner.Result r = tusk("migrate", "up");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("V4__broken.up.sql:3: relation \"content.no_such_table\" does not exist")
        .contains("migrate.statement_failed");
    assertThat(sql("SELECT to_regclass('content.half') IS NULL")).endsWith("\r\nt\r\n");
    assertThat(state(json(tusk("migrate", "status", "--json")), "4")).isEqualTo("pending");
    Files.delete(migrations.resolve("V4__broken.up.sql"));
  }

  @Test
  @Order(4)
  void anEditedAppliedFileIsCaughtByValidate() throws Exception {
    CliRunner.Result ok = tusk("migrate", "validate");
    assertThat(ok.exit()).as(ok.out() + ok.err()).isEqualTo(0);
    assertThat(ok.out()).contains("OK");

    write(
        "V1__items.up.sql",
        "CREATE TABLE content.items (id int PRIMARY KEY, name text NOT NULL);\n");

    CliRunner.Result text = tusk("migrate", "validate");
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out()).contains("V1 items: changed");
    CliRunner.Result v = tusk("migrate", "validate", "--json");
    assertThat(v.exit()).isEqualTo(1);
    JsonNode problems = json(v);
    assertThat(problems.path("ok").asBoolean()).isFalse();
    assertThat(problems.at("/problems/0/kind").asText()).isEqualTo("changed");
    assertThat(problems.at("/problems/0/migration").asText()).isEqualTo("V1 items");
    CliRunner.Result refused = tusk("migrate", "up");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("migrate.validation_failed");

    CliRunner.Result repair = tusk("migrate", "repair", "--json");
    assertThat(repair.exit()).as(repair.err()).isEqualTo(0);
    assertThat(json(repair).at("/actions/0/name").asText()).isEqualTo("items");
    assertThat(tusk("migrate", "validate").exit()).isEqualTo(0);
    CliRunner.Result baseline = tusk("migrate", "baseline", "--version", "1");
    assertThat(baseline.exit()).isEqualTo(1);
    assertThat(baseline.err()).contains("cannot baseline at 1");
  }

  @Test
  @Order(5)
  void aFailingMigrationAtStartFailsTuskUpAndStopsPostgres() throws Exception {
    tusk.signal("TERM");
    assertThat(tusk.waitExit(Duration.ofSeconds(60))).as(tusk.err()).isEqualTo(0);
    write("V4__fails.up.sql", "CREATE TABLE content.x (id int);\nSELECT 1 / 0;\n");

    tusk = TuskProcess.start(dir, Map.of(), "up");

    assertThat(tusk.waitExit(Duration.ofMinutes(2))).as(tusk.err()).isEqualTo(1);
    assertThat(tusk.err())
        .contains("failed at start: V4__fails.up.sql:2: division by zero")
        .contains("migrate.statement_failed");
    assertThat(tusk.out()).doesNotContain("Tusk is up");
    assertThat(dir.resolve("tusk-data/pgdata/postmaster.pid")).doesNotExist();
  }

  @Test
  @Order(6)
  void afterTheFixTheNextStartIsUpToDateAndNothingOfTheFailureRemains() throws Exception {
    Files.delete(migrations.resolve("V4__fails.up.sql"));

    tusk = TuskProcess.start(dir, Map.of(), "up");
    tusk.awaitOut("stop with Ctrl-C", Duration.ofMinutes(2));

    assertThat(tusk.out()).contains("migrations: up to date, at V3");
    assertThat(sql("SELECT to_regclass('content.x') IS NULL")).endsWith("\r\nt\r\n");
    tusk.signal("TERM");
    assertThat(tusk.waitExit(Duration.ofSeconds(60))).isEqualTo(0);
  }
}
