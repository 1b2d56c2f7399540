package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * {@code tusk migrate drift} and {@code validate --replay} end to end, against a platform started
 * by a real {@code tusk up}: bootstrap made the database's schema, extension, grants, default
 * privileges and init_sql table before the migrations ran, and the scratch database gets the same
 * from the CLI, so right after {@code up} there is no drift; an {@code ALTER TABLE} typed in {@code
 * tusk sql} is drift (exit 1); exit codes and the JSON shape; bad {@code --scratch-url}s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrateDriftIT {

  @RegisterExtension static final TestProject project = TestProject.create("tusk-drift-it-");

  static Path migrations;
  static TuskProcess tusk;

  @BeforeAll
  static void project() throws IOException {
    project.write(
        "sql/001-init.sql", "CREATE TABLE content.settings (key text PRIMARY KEY, value text);\n");
    project.writeConfig(
        """
        cluster:
          name: db-driftit-test
        postgres:
          port: {postgres.port}
        databases:
          - name: app
            owner: app_owner
            schemas: [content]
            extensions: [hstore]
            init_sql: [sql/001-init.sql]
            grants:
              - { role: app_reader, schemas: [content], tables: [SELECT], sequences: [USAGE] }
        roles:
          - { name: app_owner, login: true }
          - { name: app_reader }
        admin:
          port: {admin.port}
        """);
    migrations = Files.createDirectories(project.resolve("migrations"));
    write(
        "V1__items.up.sql",
        """
        CREATE TABLE content.items (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          name text NOT NULL,
          tags hstore
        );
        ALTER TABLE content.items ENABLE ROW LEVEL SECURITY;
        CREATE POLICY items_read ON content.items FOR SELECT TO app_reader USING (true);
        """);
    write("V1__items.down.sql", "DROP TABLE content.items;\n");
    write("V2__item_price.up.sql", "ALTER TABLE content.items ADD COLUMN price integer;\n");
    write("V2__item_price.down.sql", "ALTER TABLE content.items DROP COLUMN price;\n");
    write(
        "R__views.sql",
        "CREATE OR REPLACE VIEW content.item_names AS SELECT name FROM content.items;\n");
  }

  static void write(String name, String sql) throws IOException {
    Files.writeString(migrations.resolve(name), sql);
  }

  static String scratchDatabases() {
    return project.sql(
        "SELECT count(*) AS scratch FROM pg_database WHERE datname LIKE 'tusk\\_scratch\\_%'");
  }

  /** A URL for database {@code db} on the platform's server, with the superuser's password. */
  static String url(String db) throws IOException {
    String password =
        Files.readString(project.resolve("tusk-data/secrets/postgres.password")).strip();
    return "postgresql://postgres:"
        + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "@127.0.0.1:"
        + project.postgresPort()
        + "/"
        + db
        + "?sslmode=verify-full&sslrootcert="
        + URLEncoder.encode(
            project.resolve("tusk-data/tls/ca.crt").toString(), StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void rightAfterTuskUpThereIsNoDrift() throws Exception {
    tusk = project.up(Duration.ofMinutes(3));
    assertThat(tusk.out()).contains("migrations: applied 3 (1 repeatable), now at V2");

    CliRunner.Result text = project.tusk("migrate", "drift");

    assertThat(text.exit()).as(text.out() + text.err()).isEqualTo(0);
    assertThat(text.out())
        .isEqualTo(
            "No drift: database app matches its migrations (2 version(s) and 1 repeatable(s)"
                + " replayed in a scratch database).\n");
    CliRunner.Result asJson = project.tusk("migrate", "drift", "--json");
    assertThat(asJson.exit()).as(asJson.err()).isEqualTo(0);
    JsonNode j = asJson.json();
    assertThat(j.path("drift").asBoolean()).isFalse();
    assertThat(j.path("database").asText()).isEqualTo("app");
    assertThat(j.path("scratch").path("created").asBoolean()).isTrue();
    assertThat(j.path("scratch").path("name").asText()).startsWith("tusk_scratch_");
    assertThat(j.path("replayed").toString())
        .isEqualTo("[\"V1 items\",\"V2 item_price\",\"R views\"]");
    assertThat(j.path("differences").isArray()).isTrue();
    assertThat(j.path("differences")).isEmpty();
    assertThat(j.path("notes")).isEmpty();
    assertThat(scratchDatabases()).endsWith("\r\n0\r\n");
  }

  @Test
  @Order(2)
  void anAlterTableByHandIsDriftWithExitOne() throws Exception {
    project.sql("ALTER TABLE content.items ADD COLUMN note text");
    project.sql("ALTER POLICY items_read ON content.items USING (price > 0)");

    CliRunner.Result text = project.tusk("migrate", "drift");

    assertThat(text.exit()).as(text.err()).isEqualTo(1);
    assertThat(text.out())
        .isEqualTo(
            "Drift: database app differs from its migrations in 2 place(s) (2 version(s) and 1"
                + " repeatable(s) replayed in a scratch database):\n"
                + "  table content.items column note: in the database, not made by the"
                + " migrations (text)\n"
                + "  table content.items policy items_read: using true -> (price > 0)\n");
    CliRunner.Result asJson = project.tusk("migrate", "drift", "--json");
    assertThat(asJson.exit()).isEqualTo(1);
    JsonNode d = asJson.json().path("differences");
    assertThat(asJson.json().path("drift").asBoolean()).isTrue();
    assertThat(d).hasSize(2);
    assertThat(d.get(0).path("object").asText()).isEqualTo("table content.items column note");
    assertThat(d.get(0).path("change").asText()).isEqualTo("added");
    assertThat(d.get(0).path("attributes").path("type").asText()).isEqualTo("text");
    assertThat(d.get(1).path("attribute").asText()).isEqualTo("using");
    assertThat(d.get(1).path("expected").asText()).isEqualTo("true");
    assertThat(d.get(1).path("actual").asText()).isEqualTo("(price > 0)");
    assertThat(scratchDatabases()).endsWith("\r\n0\r\n");

    project.sql("ALTER TABLE content.items DROP COLUMN note");
    project.sql("ALTER POLICY items_read ON content.items USING (true)");
    assertThat(project.tusk("migrate", "drift").exit()).isEqualTo(0);
  }

  @Test
  @Order(3)
  void validateReplayChecksEveryDownFile() throws Exception {
    CliRunner.Result ok = project.tusk("migrate", "validate", "--replay");
    assertThat(ok.exit()).as(ok.out() + ok.err()).isEqualTo(0);
    assertThat(ok.out())
        .isEqualTo(
            "OK: the files and the history agree.\n"
                + "Replay OK: every down file reverses its up file (2 version(s) checked in a"
                + " scratch database, then 1 repeatable(s) applied).\n"
                + "  V1 items: ok\n"
                + "  V2 item_price: ok\n");

    write("V3__index.up.sql", "CREATE INDEX items_name ON content.items (name);\n");
    write("V3__index.down.sql", "SELECT 1;\n");
    CliRunner.Result bad = project.tusk("migrate", "validate", "--replay", "--json");

    assertThat(bad.exit()).as(bad.err()).isEqualTo(1);
    JsonNode j = bad.json();
    assertThat(j.path("ok").asBoolean()).isFalse();
    assertThat(j.path("problems")).isEmpty();
    JsonNode v3 = j.at("/replay/versions/2");
    assertThat(v3.path("migration").asText()).isEqualTo("V3 index");
    assertThat(v3.path("result").asText()).isEqualTo("mismatch");
    assertThat(v3.path("down").asText()).isEqualTo("V3__index.down.sql");
    assertThat(v3.at("/differences/0/object").asText())
        .isEqualTo("table content.items index items_name");
    assertThat(j.at("/replay/repeatables/applied").asInt()).isZero();
    CliRunner.Result text = project.tusk("migrate", "validate", "--replay");
    assertThat(text.out())
        .contains(
            "  V3 index: V3__index.down.sql does not reverse V3__index.up.sql: 1 difference(s)"
                + " from the schema before it\n"
                + "    table content.items index items_name: left behind by the down file; it"
                + " was not there before the up file: CREATE INDEX items_name ON content.items"
                + " USING btree (name)\n");
    assertThat(scratchDatabases()).endsWith("\r\n0\r\n");
    // Pending V3 is not drift: drift replays what the database has.
    CliRunner.Result drift = project.tusk("migrate", "drift");
    assertThat(drift.exit()).as(drift.out()).isEqualTo(0);
    assertThat(drift.out()).contains("note: V3 index: pending (not applied to the database)");
    Files.delete(migrations.resolve("V3__index.up.sql"));
    Files.delete(migrations.resolve("V3__index.down.sql"));
  }

  @Test
  @Order(4)
  void badScratchUrlsAreClearErrorsAndNothingIsDropped() throws Exception {
    CliRunner.Result malformed =
        project.tusk("migrate", "drift", "--scratch-url", "postgresql://u:hunter2@h:99999/db");
    assertThat(malformed.exit()).isEqualTo(2);
    assertThat(malformed.err())
        .contains("migrate.bad_scratch_url")
        .contains("port")
        .doesNotContain("hunter2");
    assertThat(malformed.out()).isEmpty();

    CliRunner.Result self = project.tusk("migrate", "drift", "--scratch-url", url("app"));
    assertThat(self.exit()).isEqualTo(2);
    assertThat(self.err())
        .contains("is the database being checked")
        .contains("migrate.scratch_refused");

    project.sql("CREATE DATABASE keepme");
    CliRunner.Result toKeep =
        project.tusk("migrate", "drift", "--scratch-url", url("keepme"), "--json");
    assertThat(toKeep.exit()).as(toKeep.out() + toKeep.err()).isEqualTo(0);
    assertThat(toKeep.json().path("scratch").path("created").asBoolean()).isFalse();
    assertThat(toKeep.json().path("scratch").path("name").asText()).isEqualTo("keepme");
    assertThat(toKeep.json().path("scratch").path("description").asText())
        .startsWith("database keepme on 127.0.0.1:");
    assertThat(project.sql("SELECT count(*) AS n FROM pg_database WHERE datname = 'keepme'"))
        .endsWith("\r\n1\r\n");

    CliRunner.Result again = project.tusk("migrate", "drift", "--scratch-url", url("keepme"));
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err())
        .contains("migrate.scratch_not_empty")
        .contains("is not empty: it has ")
        .doesNotContain(
            Files.readString(project.resolve("tusk-data/secrets/postgres.password")).strip());
    assertThat(project.sql("SELECT count(*) AS n FROM pg_database WHERE datname = 'keepme'"))
        .endsWith("\r\n1\r\n");

    CliRunner.Result noReplay =
        project.tusk("migrate", "validate", "--scratch-url", "postgresql://h/db");
    assertThat(noReplay.exit()).isEqualTo(2);
    assertThat(noReplay.err()).contains("migrate.scratch_url_without_replay");
  }

  @Test
  @Order(5)
  void statusValidateAndDriftAllHaveTextAndJson() throws Exception {
    for (String command : new String[] {"status", "validate", "drift"}) {
      CliRunner.Result text = project.tusk("migrate", command);
      assertThat(text.exit()).as(command + ": " + text.err()).isEqualTo(0);
      assertThat(text.out()).as(command).isNotBlank().doesNotStartWith("{");
      CliRunner.Result asJson = project.tusk("migrate", command, "--json");
      assertThat(asJson.exit()).as(command + ": " + asJson.err()).isEqualTo(0);
      assertThat(asJson.json().isObject()).as(command).isTrue();
    }
    assertThat(tusk.stop()).isEqualTo(0);
  }
}
