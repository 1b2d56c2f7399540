package dev.tusk.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.core.error.OperationException;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drift against real databases: built by the same migrations, two databases have equal snapshots
 * and no drift; each kind of change made by hand afterwards is found, as exactly one readable line;
 * the scratch database is always dropped.
 */
@ExtendWith(TuskPostgres.class)
class DriftIT {

  @TempDir Path tmp;

  @Test
  void twoDatabasesBuiltByTheSameMigrationsHaveEqualSnapshots(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase a = scene.migrated("snapshot_a");
    TestDatabase b = scene.migrated("snapshot_b");

    CatalogSnapshot first = CatalogSnapshot.take(a::connect, "a");
    CatalogSnapshot second = CatalogSnapshot.take(b::connect, "b");

    assertThat(first).isEqualTo(second);
    assertThat(SnapshotDiff.compare(first, second)).isEmpty();
    assertThat(first.objects().keySet())
        .contains(
            "schema content",
            "table content.products",
            "table content.products column price",
            "table content.products constraint products_price_check",
            "table content.products index products_live",
            "table content.products policy products_owner",
            "table content.products trigger products_touch",
            "function content.gross(integer)",
            "type content.status",
            "view content.live_products",
            "sequence content.products_id_seq",
            "default privileges of drift_owner in schema content on tables")
        .noneMatch(p -> p.contains("tusk") || p.contains("schema_migrations"));
    assertThat(first.get("table content.products column price").orElseThrow().attributes())
        .containsEntry("type", "integer")
        .containsEntry("nullable", "no");
    assertThat(first.get("table content.products").orElseThrow().attributes())
        .containsEntry("owner", "drift_owner")
        .containsEntry("row level security", "enabled")
        .containsEntry("grant to drift_reader", "INSERT, SELECT");
  }

  @Test
  void aNewDatabaseHasNothingBeyondWhatEveryDatabaseHas(TestServer server) throws Exception {
    TestDatabase fresh = server.newDatabase("fresh");

    assertThat(CatalogSnapshot.take(fresh::connect, "fresh").beyondFresh()).isEmpty();
  }

  @Test
  void noDriftRightAfterUpAndTheScratchDatabaseIsGone(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("no_drift");

    DriftResult result = scene.drift(db).run();

    assertThat(result.drift()).as(result.toText()).isFalse();
    assertThat(result.replayed()).containsExactly("V1 catalog", "V2 functions", "R views");
    assertThat(result.notes()).isEmpty();
    assertThat(result.scratch().created()).isTrue();
    assertThat(result.scratch().name()).startsWith("tusk_scratch_");
    assertThat(result.scratch().description())
        .isEqualTo("scratch database " + result.scratch().name());
    assertThat(result.toText())
        .isEqualTo(
            "No drift: database "
                + db.name()
                + " matches its migrations (2 version(s) and 1 repeatable(s) replayed in a"
                + " scratch database).\n");
    JsonNode json = result.toJson();
    assertThat(json.path("drift").asBoolean()).isFalse();
    assertThat(json.path("differences")).isEmpty();
    assertThat(json.path("scratch").path("created").asBoolean()).isTrue();
    assertThat(json.path("scratch").path("name").asText()).isEqualTo(result.scratch().name());
    assertThat(scene.scratchDatabases()).isEmpty();
  }

  static Stream<Arguments> manualChanges() {
    return Stream.of(
        Arguments.of(
            "ALTER TABLE content.products ADD COLUMN sku text",
            "table content.products column sku: in the database, not made by the migrations"
                + " (text)"),
        Arguments.of(
            "ALTER TABLE content.products ALTER COLUMN weight TYPE numeric(10,2)",
            "table content.products column weight: type integer -> numeric(10,2)"),
        Arguments.of(
            "DROP INDEX content.products_live",
            "table content.products index products_live: made by the migrations, missing from the"
                + " database: CREATE INDEX products_live ON content.products USING btree (status)"
                + " WHERE (status = 'live'::content.status)"),
        Arguments.of(
            "ALTER POLICY products_owner ON content.products USING (true)",
            "table content.products policy products_owner: using (owner_name = CURRENT_USER) ->"
                + " true"),
        Arguments.of(
            "CREATE OR REPLACE FUNCTION content.gross(p integer) RETURNS numeric LANGUAGE plpgsql"
                + " IMMUTABLE AS $$\nBEGIN\n  RETURN p * 1.25;\nEND\n$$",
            "function content.gross(integer): body differs at line 3: \"  RETURN p * 1.2;\" ->"
                + " \"  RETURN p * 1.25;\""),
        Arguments.of(
            "REVOKE SELECT ON content.products FROM drift_reader",
            "table content.products: grant to drift_reader INSERT, SELECT -> INSERT"),
        Arguments.of(
            "GRANT UPDATE (name) ON content.products TO PUBLIC",
            "table content.products column name: grant to PUBLIC (none) -> UPDATE"),
        Arguments.of(
            "ALTER TABLE content.products ALTER COLUMN weight SET NOT NULL",
            "table content.products column weight: nullable yes -> no"),
        Arguments.of(
            "ALTER TABLE content.products DISABLE TRIGGER products_touch",
            "table content.products trigger products_touch: enabled yes -> no"),
        Arguments.of(
            "CREATE TABLE content.audit (id int PRIMARY KEY, what text)",
            "table content.audit: in the database, not made by the migrations (with 2 columns,"
                + " 1 constraint)"),
        Arguments.of(
            "ALTER TABLE content.products NO FORCE ROW LEVEL SECURITY;"
                + " ALTER TABLE content.products DISABLE ROW LEVEL SECURITY",
            "table content.products: row level security enabled -> disabled"),
        Arguments.of(
            "ALTER FUNCTION content.gross(integer) OWNER TO drift_reader",
            "function content.gross(integer): owner drift_owner -> drift_reader"));
  }

  @ParameterizedTest
  @MethodSource("manualChanges")
  void aChangeMadeByHandIsOneReadableLine(String sql, String line, TestServer server)
      throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("manual");
    Scene.exec(db, sql);

    DriftResult result = scene.drift(db).run();

    assertThat(result.drift()).isTrue();
    assertThat(Scene.lines(result.differences(), DiffText.DRIFT)).containsExactly(line);
    assertThat(result.toText())
        .startsWith("Drift: database " + db.name() + " differs from its migrations in 1 place(s)")
        .contains("\n  " + line + "\n");
    assertThat(scene.scratchDatabases()).isEmpty();
  }

  @Test
  void aTableGivenToAnotherOwnerIsTheOwnerAndTheGrantsItAbsorbed(TestServer server)
      throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("owner");
    Scene.exec(db, "ALTER TABLE content.products OWNER TO drift_reader");

    DriftResult result = scene.drift(db).run();

    // The identity sequence goes with its table; the new owner's grants become the owner's own.
    assertThat(Scene.lines(result.differences(), DiffText.DRIFT))
        .containsExactly(
            "sequence content.products_id_seq: owner drift_owner -> drift_reader",
            "table content.products: grant to drift_reader INSERT, SELECT -> (none)",
            "table content.products: owner drift_owner -> drift_reader");
  }

  @Test
  void theJsonHasExpectedAndActualValues(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("json");
    Scene.exec(
        db,
        "ALTER TABLE content.products ALTER COLUMN weight TYPE bigint",
        "DROP INDEX content.products_live");

    JsonNode json = scene.drift(db).run().toJson();

    assertThat(json.path("drift").asBoolean()).isTrue();
    assertThat(json.path("database").asText()).isEqualTo(db.name());
    assertThat(json.path("replayed")).hasSize(3);
    JsonNode diffs = json.path("differences");
    assertThat(diffs).hasSize(2);
    assertThat(diffs.get(0).path("object").asText())
        .isEqualTo("table content.products column weight");
    assertThat(diffs.get(0).path("change").asText()).isEqualTo("changed");
    assertThat(diffs.get(0).path("attribute").asText()).isEqualTo("type");
    assertThat(diffs.get(0).path("expected").asText()).isEqualTo("integer");
    assertThat(diffs.get(0).path("actual").asText()).isEqualTo("bigint");
    assertThat(diffs.get(1).path("change").asText()).isEqualTo("removed");
    assertThat(diffs.get(1).path("kind").asText()).isEqualTo("index");
    assertThat(diffs.get(1).path("attributes").path("definition").asText())
        .startsWith("CREATE INDEX products_live");
  }

  @Test
  void pendingAndEditedMigrationsAreNotesNotDrift(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("notes");
    scene.write("V3__later.up.sql", "CREATE TABLE content.later (id int);\n");
    scene.write("V3__later.down.sql", "DROP TABLE content.later;\n");

    DriftResult result = scene.drift(db).run();

    assertThat(result.drift()).as(result.toText()).isFalse();
    assertThat(result.replayed()).containsExactly("V1 catalog", "V2 functions", "R views");
    assertThat(result.notes())
        .containsExactly("V3 later: pending (not applied to the database), so not replayed");
    assertThat(result.toText())
        .endsWith("note: V3 later: pending (not applied to the database), so not replayed\n");
  }

  @Test
  void theScratchDatabaseIsDroppedWhenTheReplayFails(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("replay_fails");
    // Edited after it ran, and no longer applies to an empty database.
    scene.write("V2__functions.up.sql", "CREATE TABLE content.x (id int);\nSELECT 1 / 0;\n");
    List<String> seen = new ArrayList<>();
    Drift drift =
        scene.drift(
            db,
            scene.scratch(),
            name -> {
              seen.addAll(scene.scratchDatabases());
              scene.prepare(name);
            });

    OperationException e = catchThrowableOfType(OperationException.class, drift::run);

    assertThat(e.code()).isEqualTo("migrate.replay_failed");
    assertThat(e.getMessage())
        .contains("replaying the applied migrations into scratch database tusk_scratch_")
        .contains("V2__functions.up.sql:2: division by zero");
    assertThat(seen).hasSize(1).allMatch(n -> n.startsWith("tusk_scratch_"));
    assertThat(scene.scratchDatabases()).isEmpty();
  }

  @Test
  void theScratchDatabaseIsDroppedWhenPreparingItFails(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("prepare_fails");
    Drift drift =
        scene.drift(
            db,
            scene.scratch(),
            name -> {
              try (Connection c = server.superuser().open(name)) {
                Scene.exec(c, "CREATE EXTENSION no_such_extension");
              }
            });

    OperationException e = catchThrowableOfType(OperationException.class, drift::run);

    assertThat(e.code()).isEqualTo("migrate.scratch_failed");
    assertThat(e.getMessage())
        .contains("could not prepare scratch database tusk_scratch_")
        .contains("as bootstrap prepared " + db.name())
        .contains("no_such_extension");
    assertThat(scene.scratchDatabases()).isEmpty();
  }
}
