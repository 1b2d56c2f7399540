package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing migrations: the database and the history stay at the previous version and the error names
 * the file and line; refusals run nothing.
 */
@ExtendWith(TuskPostgres.class)
class FailureIT {

  @TempDir Path tmp;

  private static MigrationDir base(Path dir) {
    return new MigrationDir(dir)
        .write("V1__t.up.sql", "CREATE TABLE t (a int);\n")
        .write("V1__t.down.sql", "DROP TABLE t;\n");
  }

  @Test
  void aFailingMigrationRollsBackEntirelyAndNamesFileAndLine(TestServer server) throws Exception {
    Db db = Db.fresh(server, "failing");
    MigrationDir dir =
        base(tmp)
            .write(
                "V2__broken.up.sql",
                """
                CREATE TABLE u (b int);
                INSERT INTO t VALUES (1);
                -- the next statement spans lines; the error is on its third
                SELECT b,
                       a
                  FROM u, nope;
                """)
            .write("V3__later.up.sql", "CREATE TABLE later ();\n");
    Migrator migrator = new Migrator(dir.scan(), db.source(), Clock.systemUTC());
    OperationException e =
        catchThrowableOfType(OperationException.class, () -> migrator.up(UpOptions.all()));
    assertThat(e.code()).isEqualTo("migrate.statement_failed");
    assertThat(e.getMessage())
        .startsWith("V2__broken.up.sql:6: relation \"nope\" does not exist (SQLSTATE 42P01)");
    assertThat(e.detail()).get().asString().contains("done before the failure: V1 t");
    assertThat(e.hint()).get().asString().contains("rolled back entirely");
    assertThat(e.exitCode()).isEqualTo(1);

    assertThat(db.history()).containsExactly("1|t|up|t");
    assertThat(db.rows("SELECT relname FROM pg_class WHERE relname IN ('t', 'u', 'later')"))
        .containsExactly("t");
    assertThat(db.one("SELECT count(*) FROM t")).isEqualTo("0");
    assertThat(migrator.status().entries())
        .extracting(s -> s.state().json())
        .containsExactly("applied", "pending", "pending");
  }

  @Test
  void aRuntimeErrorWithoutPositionPointsAtTheStatement(TestServer server) throws Exception {
    Db db = Db.fresh(server, "runtime");
    MigrationDir dir =
        base(tmp)
            .write("V2__dup.up.sql", "\n\nINSERT INTO t VALUES (1);\nCREATE TABLE t (x int);\n");
    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () -> new Migrator(dir.scan(), db.source(), Clock.systemUTC()).up(UpOptions.all()));
    assertThat(e.getMessage()).startsWith("V2__dup.up.sql:4: relation \"t\" already exists");
    assertThat(db.one("SELECT count(*) FROM t")).isEqualTo("0");
  }

  @Test
  void aBadCopyRowNamesItsDataLine(TestServer server) throws Exception {
    Db db = Db.fresh(server, "badcopy");
    MigrationDir dir =
        base(tmp).write("V2__rows.up.sql", "COPY t (a) FROM stdin;\n1\n2\nthree\n\\.\n");
    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () -> new Migrator(dir.scan(), db.source(), Clock.systemUTC()).up(UpOptions.all()));
    assertThat(e.getMessage())
        .startsWith("V2__rows.up.sql:4: invalid input syntax for type integer");
    assertThat(db.one("SELECT count(*) FROM t")).isEqualTo("0");
    assertThat(db.history()).containsExactly("1|t|up|t");
  }

  @Test
  void aMissingDownFileRefusesAndNothingIsReverted(TestServer server) throws Exception {
    Db db = Db.fresh(server, "missingdown");
    MigrationDir dir = base(tmp).write("V2__nodown.up.sql", "CREATE TABLE u ();\n");
    Migrator migrator = new Migrator(dir.scan(), db.source(), Clock.systemUTC());
    migrator.up(UpOptions.all());
    List<String> schema = db.schema();
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> migrator.down(new DownOptions(new DownTarget.Steps(2), false)));
    assertThat(e.code()).isEqualTo("migrate.missing_down");
    assertThat(e.getMessage()).contains("V2__nodown.down.sql");
    assertThat(db.schema()).isEqualTo(schema);
    assertThat(db.history()).containsExactly("1|t|up|t", "2|nodown|up|t");
  }

  @Test
  void aFailingDownRollsBackAndKeepsTheHistoryRow(TestServer server) throws Exception {
    Db db = Db.fresh(server, "faildown");
    MigrationDir dir =
        base(tmp)
            .write("V2__u.up.sql", "CREATE TABLE u ();\n")
            .write("V2__u.down.sql", "DROP TABLE u;\nDROP TABLE not_there;\n");
    Migrator migrator = new Migrator(dir.scan(), db.source(), Clock.systemUTC());
    migrator.up(UpOptions.all());
    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () -> migrator.down(new DownOptions(new DownTarget.Steps(1), false)));
    assertThat(e.getMessage()).startsWith("V2__u.down.sql:2: table \"not_there\" does not exist");
    assertThat(db.rows("SELECT relname FROM pg_class WHERE relname = 'u'")).containsExactly("u");
    assertThat(db.history()).containsExactly("1|t|up|t", "2|u|up|t");
  }

  @Test
  void badFilesAreRefusedBeforeAnyConnection(TestServer server) throws Exception {
    Db db = Db.fresh(server, "badfiles");
    MigrationDir dir =
        base(tmp)
            .write("V1__other.up.sql", "CREATE TABLE other ();\n")
            .write("V2_bad.sql", "SELECT 1;\n")
            .write("V3__empty.up.sql", "-- nothing yet\n");
    java.nio.file.Files.write(
        tmp.resolve("V4__latin.up.sql"), new byte[] {'S', 'E', 'L', (byte) 0xE9, ';'});
    ConfigException e = catchThrowableOfType(ConfigException.class, dir::scan);
    assertThat(e.code()).isEqualTo("migrate.invalid_files");
    assertThat(e.detail())
        .get()
        .asString()
        .contains("migrate.duplicate_version")
        .contains("migrate.bad_name")
        .contains("migrate.empty_file")
        .contains("migrate.not_utf8");
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(db.tuskSchemaExists()).isFalse();
  }
}
