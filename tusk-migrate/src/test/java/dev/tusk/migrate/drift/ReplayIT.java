package dev.tusk.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.migrate.Db;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --replay} on real scratch databases: good down files pass; a down file that
 * forgets something or drops too much is caught with the difference it leaves; a missing down file
 * and a failing file are named; the scratch database is dropped in every case.
 */
@ExtendWith(TuskPostgres.class)
class ReplayIT {

  @TempDir Path tmp;

  private Scene scene(TestServer server) throws Exception {
    return new Scene(server, tmp)
        .write("V3__sku.up.sql", "ALTER TABLE content.products ADD COLUMN sku text;\n")
        .write("V3__sku.down.sql", "ALTER TABLE content.products DROP COLUMN sku;\n");
  }

  @Test
  void downFilesThatReverseTheirUpFilesPass(TestServer server) throws Exception {
    Scene scene = scene(server);
    TestDatabase db = server.newDatabase("replay_ok");

    ReplayResult result = scene.replay(db).run();

    assertThat(result.ok()).as(result.toText()).isTrue();
    assertThat(result.versions())
        .extracting(VersionCheck::label, VersionCheck::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("V1 catalog", VersionCheck.Outcome.OK),
            org.assertj.core.groups.Tuple.tuple("V2 functions", VersionCheck.Outcome.OK),
            org.assertj.core.groups.Tuple.tuple("V3 sku", VersionCheck.Outcome.OK));
    assertThat(result.repeatables()).isEqualTo(1);
    assertThat(result.repeatableError()).isEmpty();
    assertThat(result.toText())
        .isEqualTo(
            """
            Replay OK: every down file reverses its up file (3 version(s) checked in a scratch \
            database, then 1 repeatable(s) applied).
              V1 catalog: ok
              V2 functions: ok
              V3 sku: ok
            """);
    assertThat(scene.scratchDatabases()).isEmpty();
    // The database the migrations are for is only read.
    assertThat(Db.rows(db::connect, "SELECT to_regnamespace('tusk') IS NULL")).containsExactly("t");
  }

  @Test
  void aDownFileThatForgetsSomethingIsCaught(TestServer server) throws Exception {
    Scene scene = scene(server);
    scene.write(
        "V2__functions.down.sql",
        """
        REVOKE INSERT ON content.products FROM drift_reader;
        DROP TRIGGER products_touch ON content.products;
        DROP FUNCTION content.gross(integer);
        """);
    TestDatabase db = server.newDatabase("replay_forgets");

    ReplayResult result = scene.replay(db).run();

    assertThat(result.ok()).isFalse();
    VersionCheck v2 = result.versions().get(1);
    assertThat(v2.outcome()).isEqualTo(VersionCheck.Outcome.MISMATCH);
    assertThat(Scene.lines(v2.differences(), DiffText.REPLAY))
        .containsExactly(
            "function content.touch(): left behind by the down file; it was not there before the"
                + " up file");
    assertThat(result.versions().get(2).outcome()).isEqualTo(VersionCheck.Outcome.NOT_CHECKED);
    assertThat(result.repeatables()).isZero();
    assertThat(result.toText())
        .isEqualTo(
            """
            Replay found 1 problem(s) in a scratch database (up, down, compare with before, up \
            again for each version):
              V1 catalog: ok
              V2 functions: V2__functions.down.sql does not reverse V2__functions.up.sql: 1 \
            difference(s) from the schema before it
                function content.touch(): left behind by the down file; it was not there before \
            the up file
              V3 sku: not checked (an earlier version failed the check)
            """);
    assertThat(scene.scratchDatabases()).isEmpty();
  }

  @Test
  void aDownFileThatDropsTooMuchIsCaught(TestServer server) throws Exception {
    Scene scene = scene(server);
    scene.write(
        "V3__sku.down.sql",
        "ALTER TABLE content.products DROP COLUMN sku;\nDROP INDEX content.products_live;\n");
    TestDatabase db = server.newDatabase("replay_too_much");

    ReplayResult result = scene.replay(db).run();

    assertThat(result.ok()).isFalse();
    VersionCheck v3 = result.versions().get(2);
    assertThat(v3.outcome()).isEqualTo(VersionCheck.Outcome.MISMATCH);
    assertThat(Scene.lines(v3.differences(), DiffText.REPLAY))
        .containsExactly(
            "table content.products index products_live: gone after the down file; it was there"
                + " before the up file: CREATE INDEX products_live ON content.products USING btree"
                + " (status) WHERE (status = 'live'::content.status)");
    JsonNode json = result.toJson();
    assertThat(json.path("ok").asBoolean()).isFalse();
    assertThat(json.at("/versions/2/result").asText()).isEqualTo("mismatch");
    assertThat(json.at("/versions/2/down").asText()).isEqualTo("V3__sku.down.sql");
    assertThat(json.at("/versions/2/differences/0/change").asText()).isEqualTo("removed");
    assertThat(json.at("/versions/0/result").asText()).isEqualTo("ok");
  }

  @Test
  void aMissingDownFileIsNamedAndTheRestIsStillChecked(TestServer server) throws Exception {
    Scene scene = scene(server);
    scene.delete("V2__functions.down.sql");
    TestDatabase db = server.newDatabase("replay_missing");

    ReplayResult result = scene.replay(db).run();

    assertThat(result.ok()).isFalse();
    assertThat(result.versions())
        .extracting(VersionCheck::outcome)
        .containsExactly(
            VersionCheck.Outcome.OK, VersionCheck.Outcome.MISSING_DOWN, VersionCheck.Outcome.OK);
    assertThat(result.toText())
        .contains(
            "  V2 functions: no down file: V2__functions.down.sql does not exist, so"
                + " V2__functions.up.sql cannot be undone\n");
    assertThat(result.repeatables()).isEqualTo(1);
  }

  @Test
  void aFailingFileStopsTheCheckAndTheScratchDatabaseIsDropped(TestServer server) throws Exception {
    Scene scene = scene(server);
    scene.write("V3__sku.down.sql", "ALTER TABLE content.products DROP COLUMN no_such_column;\n");
    TestDatabase db = server.newDatabase("replay_fails");

    ReplayResult result = scene.replay(db).run();

    assertThat(result.ok()).isFalse();
    VersionCheck v3 = result.versions().get(2);
    assertThat(v3.outcome()).isEqualTo(VersionCheck.Outcome.FAILED);
    assertThat(v3.error().orElseThrow())
        .startsWith("down: V3__sku.down.sql:1: column \"no_such_column\"")
        .endsWith("(migrate.statement_failed)");
    assertThat(result.repeatables()).isZero();
    assertThat(scene.scratchDatabases()).isEmpty();
  }

  @Test
  void aFailingRepeatableIsAProblem(TestServer server) throws Exception {
    Scene scene = scene(server);
    scene.write(
        "R__views.sql", "CREATE VIEW content.v AS SELECT no_such_column FROM content.products;\n");
    TestDatabase db = server.newDatabase("replay_repeatable");

    ReplayResult result = scene.replay(db).run();

    assertThat(result.ok()).isFalse();
    assertThat(result.repeatableError().orElseThrow())
        .startsWith("repeatables: R__views.sql:1: column \"no_such_column\" does not exist");
    assertThat(result.toText()).contains("  repeatables: failed: repeatables: R__views.sql:1:");
  }
}
