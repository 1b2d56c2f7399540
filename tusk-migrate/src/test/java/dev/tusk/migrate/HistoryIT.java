package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.core.error.OperationException;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** validate, repair and baseline against the real history table. */
@ExtendWith(TuskPostgres.class)
class HistoryIT {

  @TempDir Path tmp;

  private static MigrationDir three(Path dir) {
    return new MigrationDir(dir)
        .write("V1__a.up.sql", "CREATE TABLE a ();\n")
        .write("V2__b.up.sql", "CREATE TABLE b ();\n")
        .write("V3__c.up.sql", "CREATE TABLE c ();\n");
  }

  private static Migrator migrator(MigrationDir dir, Db db) {
    return new Migrator(dir.scan(), db.source(), Clock.systemUTC());
  }

  @Test
  void anEditedFileIsCaughtAndRepairRealignsIt(TestServer server) throws Exception {
    Db db = Db.fresh(server, "edited");
    MigrationDir dir = three(tmp);
    migrator(dir, db).up(UpOptions.all());
    String before = db.one("SELECT checksum FROM tusk.schema_migrations WHERE version = '2'");

    dir.write("V2__b.up.sql", "CREATE TABLE b (x int);\n");
    Migrator edited = migrator(dir, db);
    ValidateResult v = edited.validate(false);
    assertThat(v.ok()).isFalse();
    assertThat(v.problems()).extracting(Problem::kind).containsExactly(Problem.Kind.CHANGED);
    assertThat(v.problems().get(0).message()).contains("V2__b.up.sql");
    JsonNode json = new ObjectMapper().readTree(v.toJsonText());
    assertThat(json.at("/problems/0/migration").asText()).isEqualTo("V2 b");
    assertThat(edited.status().toText()).contains("changed");

    dir.write("V4__d.up.sql", "CREATE TABLE d ();\n");
    OperationException refused =
        catchThrowableOfType(OperationException.class, () -> migrator(dir, db).up(UpOptions.all()));
    assertThat(refused.code()).isEqualTo("migrate.validation_failed");
    assertThat(db.rows("SELECT 1 FROM pg_class WHERE relname = 'd'")).isEmpty();

    RepairResult repair = migrator(dir, db).repair();
    assertThat(repair.actions()).extracting(RepairAction::label).containsExactly("V2 b");
    String after = db.one("SELECT checksum FROM tusk.schema_migrations WHERE version = '2'");
    assertThat(after).isNotEqualTo(before).isEqualTo(dir.scan().versioned().get(1).checksum());
    assertThat(migrator(dir, db).validate(false).ok()).isTrue();
    assertThat(migrator(dir, db).up(UpOptions.all()).steps()).hasSize(1);
    assertThat(migrator(dir, db).repair().actions()).isEmpty();
  }

  @Test
  void missingFilesAndOutOfOrderVersions(TestServer server) throws Exception {
    Db db = Db.fresh(server, "missing");
    MigrationDir dir =
        new MigrationDir(tmp)
            .write("V1__a.up.sql", "CREATE TABLE a ();\n")
            .write("V3__c.up.sql", "CREATE TABLE c ();\n");
    migrator(dir, db).up(UpOptions.all());

    dir.write("V2__b.up.sql", "CREATE TABLE b ();\n");
    assertThat(migrator(dir, db).validate(false).problems())
        .extracting(p -> p.migration() + " " + p.kind().json())
        .containsExactly("V2 b out_of_order");
    assertThat(migrator(dir, db).validate(true).ok()).isTrue();
    assertThat(
            catchThrowableOfType(
                    OperationException.class, () -> migrator(dir, db).up(UpOptions.all()))
                .getMessage())
        .contains("V2 b out_of_order");
    RunResult allowed = migrator(dir, db).up(new UpOptions(Optional.empty(), true, false));
    assertThat(allowed.steps()).extracting(StepReport::label).containsExactly("V2 b");

    dir.delete("V3__c.up.sql");
    Migrator gone = migrator(dir, db);
    assertThat(gone.validate(false).problems())
        .extracting(p -> p.migration() + " " + p.kind().json())
        .containsExactly("V3 c missing");
    assertThat(gone.status().entries())
        .extracting(e -> e.state().json())
        .containsExactly("applied", "applied", "missing");
    assertThat(gone.repair().actions()).isEmpty();
    assertThat(db.history()).hasSize(3);
  }

  @Test
  void baselineThenUpRunsOnlyWhatIsAbove(TestServer server) throws Exception {
    Db db = Db.fresh(server, "baseline");
    db.exec("CREATE TABLE a (); CREATE TABLE b ();");
    MigrationDir dir = three(tmp);
    Migrator migrator = migrator(dir, db);
    BaselineResult b = migrator.baseline(Version.parse("2"));
    assertThat(b.covered()).containsExactly("V1 a", "V2 b");
    assertThat(db.history()).containsExactly("2|baseline|baseline|t");
    assertThat(migrator.status().entries())
        .extracting(e -> e.state().json())
        .containsExactly("below_baseline", "baseline", "pending");

    assertThat(migrator.up(UpOptions.all()).steps())
        .extracting(StepReport::label)
        .containsExactly("V3 c");
    assertThat(db.history()).containsExactly("2|baseline|baseline|t", "3|c|up|t");
    OperationException again =
        catchThrowableOfType(OperationException.class, () -> migrator.baseline(Version.parse("3")));
    assertThat(again.code()).isEqualTo("migrate.baseline_refused");
    assertThat(db.history()).hasSize(2);
  }

  @Test
  void statusAndValidateOnAFreshDatabaseCreateNothing(TestServer server) throws Exception {
    Db db = Db.fresh(server, "fresh");
    Migrator migrator = migrator(three(tmp), db);
    assertThat(migrator.status().entries())
        .extracting(e -> e.state().json())
        .containsExactly("pending", "pending", "pending");
    assertThat(migrator.validate(false).ok()).isTrue();
    assertThat(migrator.repair().actions()).isEmpty();
    assertThat(db.tuskSchemaExists()).isFalse();
  }
}
