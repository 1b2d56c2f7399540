package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.OperationException;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code -- tusk:no-transaction} files: CREATE INDEX CONCURRENTLY, partial failure, repair. */
@ExtendWith(TuskPostgres.class)
class NoTransactionIT {

  @TempDir Path tmp;

  private static MigrationDir base(Path dir) {
    return new MigrationDir(dir)
        .write(
            "V1__t.up.sql",
            "CREATE TABLE t (a int);\nINSERT INTO t SELECT generate_series(1, 1000);\n");
  }

  @Test
  void createIndexConcurrentlyRunsOutsideATransaction(TestServer server) throws Exception {
    Db db = Db.fresh(server, "concurrently");
    MigrationDir dir =
        base(tmp)
            .write(
                "V2__index.up.sql",
                "-- tusk:no-transaction\nCREATE INDEX CONCURRENTLY t_a ON t (a);\n")
            .write("V2__index.down.sql", "-- tusk:no-transaction\nDROP INDEX CONCURRENTLY t_a;\n");
    Migrator migrator = new Migrator(dir.scan(), db.source(), Clock.systemUTC());
    RunResult up = migrator.up(UpOptions.all());
    assertThat(up.steps()).extracting(StepReport::transactional).containsExactly(true, false);
    assertThat(db.one("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_a'::regclass"))
        .isEqualTo("t");
    assertThat(db.history()).containsExactly("1|t|up|t", "2|index|up|t");
    migrator.down(new DownOptions(new DownTarget.Steps(1), false));
    assertThat(db.rows("SELECT 1 FROM pg_class WHERE relname = 't_a'")).isEmpty();
    assertThat(db.history()).containsExactly("1|t|up|t");
  }

  @Test
  void concurrentlyInATransactionalFileHintsAtTheDirective(TestServer server) throws Exception {
    Db db = Db.fresh(server, "needsdirective");
    MigrationDir dir =
        base(tmp).write("V2__index.up.sql", "CREATE INDEX CONCURRENTLY t_a ON t (a);\n");
    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () -> new Migrator(dir.scan(), db.source(), Clock.systemUTC()).up(UpOptions.all()));
    assertThat(e.getMessage()).startsWith("V2__index.up.sql:1:").contains("25001");
    assertThat(e.hint()).get().asString().contains("-- tusk:no-transaction");
    assertThat(db.history()).containsExactly("1|t|up|t");
  }

  @Test
  void aPartialFailureIsRecordedBlocksRunsAndIsRepaired(TestServer server) throws Exception {
    Db db = Db.fresh(server, "partial");
    MigrationDir dir =
        base(tmp)
            .write(
                "V2__two.up.sql",
                "-- tusk:no-transaction\n"
                    + "CREATE TABLE IF NOT EXISTS u (b int);\n"
                    + "CREATE INDEX CONCURRENTLY u_b ON nope (b);\n")
            .write("V3__three.up.sql", "CREATE TABLE w ();\n");
    Migrator migrator = new Migrator(dir.scan(), db.source(), Clock.systemUTC());
    OperationException e =
        catchThrowableOfType(OperationException.class, () -> migrator.up(UpOptions.all()));
    assertThat(e.getMessage()).startsWith("V2__two.up.sql:3: relation \"nope\" does not exist");
    assertThat(e.hint()).get().asString().contains("stayed applied").contains("repair");
    assertThat(db.rows("SELECT relname FROM pg_class WHERE relname IN ('u', 'w')"))
        .containsExactly("u");
    assertThat(db.history()).containsExactly("1|t|up|t", "2|two|up|f");
    assertThat(migrator.status().entries())
        .extracting(s -> s.state().json())
        .containsExactly("applied", "failed", "pending");
    assertThat(migrator.validate(false).problems())
        .extracting(Problem::kind)
        .containsExactly(Problem.Kind.FAILED);

    OperationException blocked =
        catchThrowableOfType(OperationException.class, () -> migrator.up(UpOptions.all()));
    assertThat(blocked.code()).isEqualTo("migrate.validation_failed");
    assertThat(db.history()).hasSize(2);

    RepairResult repair = migrator.repair();
    assertThat(repair.actions())
        .extracting(RepairAction::kind)
        .containsExactly(RepairAction.Kind.REMOVED_FAILED);
    assertThat(db.history()).containsExactly("1|t|up|t");

    dir.write(
        "V2__two.up.sql",
        "-- tusk:no-transaction\n"
            + "CREATE TABLE IF NOT EXISTS u (b int);\n"
            + "CREATE INDEX CONCURRENTLY u_b ON u (b);\n");
    RunResult fixed = new Migrator(dir.scan(), db.source(), Clock.systemUTC()).up(UpOptions.all());
    assertThat(fixed.steps()).extracting(StepReport::label).containsExactly("V2 two", "V3 three");
    assertThat(db.history()).containsExactly("1|t|up|t", "2|two|up|t", "3|three|up|t");
  }

  @Test
  void aNoTransactionFileMayManageItsOwnTransaction(TestServer server) throws Exception {
    Db db = Db.fresh(server, "owntx");
    MigrationDir dir =
        base(tmp)
            .write(
                "V2__own.up.sql",
                "-- tusk:no-transaction\nBEGIN;\nINSERT INTO t VALUES (-1);\nSELECT 1/0;\nCOMMIT;\n");
    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () -> new Migrator(dir.scan(), db.source(), Clock.systemUTC()).up(UpOptions.all()));
    assertThat(e.getMessage()).startsWith("V2__own.up.sql:4: division by zero");
    assertThat(db.one("SELECT count(*) FROM t WHERE a = -1")).isEqualTo("0");
    assertThat(db.history()).containsExactly("1|t|up|t", "2|own|up|f");
  }
}
