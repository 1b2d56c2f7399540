package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Migrations end to end: {@code tusk up} (a real process) applies them after bootstrap as the
 * database owner, then {@code tusk migrate} drives them against the running platform: new, status,
 * up, down, a failing migration, an edited applied file, and a failing migration at start, which
 * makes {@code tusk up} exit 1 and leave PostgreSQL stopped. The project has an init_sql script, so
 * the schema tusk is the superuser's, as it is for most projects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateIT {

  @RegisterExtension static final TestProject project = TestProject.create("tusk-migrate-it-");

  static Path migrations;
  static TuskProcess tusk;

  @BeforeAll
  static void project() throws IOException {
    project.write("sql/001-init.sql", "CREATE TABLE content.seed (id int);\n");
    project.writeConfig(
        """
        cluster:
          name: db-migrateit-test
        postgres:
          port: {postgres.port}
        databases:
          - name: app
            owner: app_owner
            schemas: [content]
            init_sql: [sql/001-init.sql]
        roles:
          - { name: app_owner, login: true }
        admin:
          port: {admin.port}
        """);
    migrations = Files.createDirectories(project.resolve("migrations"));
    write("V1__items.up.sql", "CREATE TABLE content.items (id int PRIMARY KEY, name text);\n");
    write("V1__items.down.sql", "DROP TABLE content.items CASCADE;\n");
    write("V2__item_note.up.sql", "ALTER TABLE content.items ADD COLUMN note text;\n");
    write("V2__item_note.down.sql", "ALTER TABLE content.items DROP COLUMN note;\n");
    write(
        "R__views.sql",
        "CREATE OR REPLACE VIEW content.item_names AS SELECT name FROM content.items;\n");
  }

  static void write(String name, String sql) throws IOException {
    Files.writeString(migrations.resolve(name), sql);
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
    tusk = project.up(Duration.ofMinutes(3));

    assertThat(tusk.out()).contains("migrations: applied 3 (1 repeatable), now at V2");
    assertThat(
            project.sql(
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
    CliRunner.Result created = project.tusk("migrate", "new", "add_email");
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

    CliRunner.Result status = project.tusk("migrate", "status", "--json");
    assertThat(status.exit()).as(status.err()).isEqualTo(0);
    JsonNode s = status.json();
    assertThat(state(s, "1")).isEqualTo("applied");
    assertThat(state(s, "2")).isEqualTo("applied");
    assertThat(state(s, "3")).isEqualTo("pending");
    assertThat(s.path("counts").path("pending").asInt()).isEqualTo(1);

    CliRunner.Result dry = project.tusk("migrate", "up", "--dry-run");
    assertThat(dry.exit()).as(dry.err()).isEqualTo(0);
    assertThat(dry.out())
        .contains("-- up V3 add_email: V3__add_email.up.sql (one transaction)")
        .contains("ADD COLUMN email");
    assertThat(project.sql("SELECT count(*) FROM pg_attribute WHERE attname = 'email'"))
        .isEqualTo("count\r\n0\r\n");

    CliRunner.Result applied = project.tusk("migrate", "up", "--json");
    assertThat(applied.exit()).as(applied.err()).isEqualTo(0);
    JsonNode a = applied.json();
    assertThat(a.path("operation").asText()).isEqualTo("up");
    assertThat(a.path("dry_run").asBoolean()).isFalse();
    assertThat(a.path("steps")).hasSize(1);
    assertThat(a.at("/steps/0/version").asText()).isEqualTo("3");
    assertThat(a.at("/steps/0/direction").asText()).isEqualTo("up");
    assertThat(
            project.sql(
                "SELECT indexrelid::regclass::text, pg_get_userbyid(c.relowner) FROM pg_index"
                    + " JOIN pg_class c ON c.oid = indrelid WHERE indexrelid::regclass::text LIKE"
                    + " '%items_email'"))
        .isEqualTo("indexrelid,pg_get_userbyid\r\ncontent.items_email,app_owner\r\n");

    CliRunner.Result text = project.tusk("migrate", "status");
    assertThat(text.out()).contains("add_email").contains("4 applied").doesNotContain("pending");

    CliRunner.Result reverted = project.tusk("migrate", "down", "--steps", "1", "--json");
    assertThat(reverted.exit()).as(reverted.err()).isEqualTo(0);
    assertThat(reverted.json().at("/steps/0/direction").asText()).isEqualTo("down");
    assertThat(reverted.json().at("/steps/0/version").asText()).isEqualTo("3");
    assertThat(project.sql("SELECT count(*) FROM pg_attribute WHERE attname = 'email'"))
        .isEqualTo("count\r\n0\r\n");

    CliRunner.Result again = project.tusk("migrate", "up", "--to", "3");
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

    CliRunner.Result r = project.tusk("migrate", "up");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("V4__broken.up.sql:3: relation \"content.no_such_table\" does not exist")
        .contains("migrate.statement_failed");
    assertThat(project.sql("SELECT to_regclass('content.half') IS NULL")).endsWith("\r\nt\r\n");
    assertThat(state(project.tusk("migrate", "status", "--json").json(), "4")).isEqualTo("pending");
    Files.delete(migrations.resolve("V4__broken.up.sql"));
  }

  @Test
  @Order(4)
  void anEditedAppliedFileIsCaughtByValidate() throws Exception {
    CliRunner.Result ok = project.tusk("migrate", "validate");
    assertThat(ok.exit()).as(ok.out() + ok.err()).isEqualTo(0);
    assertThat(ok.out()).contains("OK");

    write(
        "V1__items.up.sql",
        "CREATE TABLE content.items (id int PRIMARY KEY, name text NOT NULL);\n");

    CliRunner.Result text = project.tusk("migrate", "validate");
    assertThat(text.exit()).isEqualTo(1);
    assertThat(text.out()).contains("V1 items: changed");
    CliRunner.Result v = project.tusk("migrate", "validate", "--json");
    assertThat(v.exit()).isEqualTo(1);
    JsonNode problems = v.json();
    assertThat(problems.path("ok").asBoolean()).isFalse();
    assertThat(problems.at("/problems/0/kind").asText()).isEqualTo("changed");
    assertThat(problems.at("/problems/0/migration").asText()).isEqualTo("V1 items");
    CliRunner.Result refused = project.tusk("migrate", "up");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("migrate.validation_failed");

    CliRunner.Result repair = project.tusk("migrate", "repair", "--json");
    assertThat(repair.exit()).as(repair.err()).isEqualTo(0);
    assertThat(repair.json().at("/actions/0/name").asText()).isEqualTo("items");
    assertThat(project.tusk("migrate", "validate").exit()).isEqualTo(0);
    CliRunner.Result baseline = project.tusk("migrate", "baseline", "--version", "1");
    assertThat(baseline.exit()).isEqualTo(1);
    assertThat(baseline.err()).contains("cannot baseline at 1");
  }

  @Test
  @Order(5)
  void aFailingMigrationAtStartFailsTuskUpAndStopsPostgres() throws Exception {
    assertThat(tusk.stop()).as(tusk.err()).isEqualTo(0);
    write("V4__fails.up.sql", "CREATE TABLE content.x (id int);\nSELECT 1 / 0;\n");

    tusk = project.startUp();

    assertThat(tusk.waitExit(Duration.ofMinutes(2))).as(tusk.err()).isEqualTo(1);
    assertThat(tusk.err())
        .contains("failed at start: V4__fails.up.sql:2: division by zero")
        .contains("migrate.statement_failed");
    assertThat(tusk.out()).doesNotContain("Tusk is up");
    assertThat(project.resolve("tusk-data/pgdata/postmaster.pid")).doesNotExist();
  }

  @Test
  @Order(6)
  void afterTheFixTheNextStartIsUpToDateAndNothingOfTheFailureRemains() throws Exception {
    Files.delete(migrations.resolve("V4__fails.up.sql"));

    tusk = project.up(Duration.ofMinutes(2));

    assertThat(tusk.out()).contains("migrations: up to date, at V3");
    assertThat(project.sql("SELECT to_regclass('content.x') IS NULL")).endsWith("\r\nt\r\n");
    assertThat(tusk.stop()).isEqualTo(0);
  }
}
