package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.OperationException;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations run by a superuser connection under {@code SET ROLE}, as {@code tusk migrate} and
 * {@code tusk up} run them: the role owns what they create and the history table, while the schema
 * {@code tusk} stays the superuser's, as bootstrap's {@code init_sql} support leaves it.
 */
@ExtendWith(TuskPostgres.class)
class HistoryAccessIT {

  @TempDir Path tmp;

  /** A database owned by {@code owner}, with tusk as bootstrap leaves it after init_sql. */
  private static Db bootstrapped(TestServer server, String name, String owner) throws Exception {
    Db db = Db.fresh(server, name);
    db.exec("CREATE ROLE " + owner + " NOLOGIN");
    db.exec("ALTER DATABASE " + db.database().name() + " OWNER TO " + owner);
    db.exec(
        "CREATE SCHEMA tusk; REVOKE ALL ON SCHEMA tusk FROM PUBLIC;"
            + " CREATE TABLE tusk.init_sql_history (script text PRIMARY KEY)");
    return db;
  }

  private MigrationDir files() {
    return new MigrationDir(tmp)
        .write("V1__app.up.sql", "CREATE SCHEMA app;\nCREATE TABLE app.items (id int);\n")
        .write("V1__app.down.sql", "DROP SCHEMA app CASCADE;\n")
        .write("R__view.sql", "CREATE OR REPLACE VIEW app.n AS SELECT count(*) FROM app.items;\n");
  }

  @Test
  void theRoleOwnsWhatTheMigrationsCreateAndTheHistory(TestServer server) throws Exception {
    Db db = bootstrapped(server, "access_owner", "ha_owner");
    Migrator m =
        new Migrator(
            files().scan(), HistoryAccess.asRole(db.source(), "ha_owner"), Clock.systemUTC());

    m.up(UpOptions.all());

    assertThat(
            db.rows(
                "SELECT tableowner FROM pg_tables WHERE schemaname IN ('app', 'tusk')"
                    + " ORDER BY tablename"))
        .containsExactly("postgres", "ha_owner", "ha_owner");
    assertThat(db.one("SELECT viewowner FROM pg_views WHERE viewname = 'n'")).isEqualTo("ha_owner");
    assertThat(db.one("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'tusk'"))
        .isEqualTo("postgres");
    assertThat(db.one("SELECT string_agg(DISTINCT applied_by, ',') FROM tusk.schema_migrations"))
        .isEqualTo("ha_owner");
    assertThat(
            db.one(
                "SELECT has_schema_privilege('ha_owner', 'tusk', 'CREATE'),"
                    + " has_table_privilege('ha_owner', 'tusk.init_sql_history', 'SELECT')"))
        .isEqualTo("f|f");
    assertThat(m.down(new DownOptions(new DownTarget.Steps(1), false)).steps()).hasSize(1);
    assertThat(db.rows("SELECT 1 FROM pg_namespace WHERE nspname = 'app'")).isEmpty();
  }

  @Test
  void withoutThePreparationTheRoleCannotReachTheHistory(TestServer server) throws Exception {
    Db db = bootstrapped(server, "access_unprepared", "ha_plain");
    ConnectionSource plain =
        () -> {
          var c = db.connect();
          try (var s = c.createStatement()) {
            s.execute("SET ROLE ha_plain");
          }
          return c;
        };

    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () -> new Migrator(files().scan(), plain, Clock.systemUTC()).up(UpOptions.all()));

    assertThat(e.getMessage()).contains("permission denied for schema tusk");
    assertThat(db.rows("SELECT 1 FROM pg_namespace WHERE nspname = 'app'")).isEmpty();
  }

  @Test
  void preparingAgainIsHarmlessAndFollowsANewRole(TestServer server) throws Exception {
    Db db = bootstrapped(server, "access_again", "ha_first");
    db.exec("CREATE ROLE \"odd \"\"role\"\"; x\" NOLOGIN");
    db.exec("GRANT CREATE ON SCHEMA public TO \"odd \"\"role\"\"; x\"");
    try (var c = db.connect()) {
      HistoryAccess.prepare(c, "ha_first");
      HistoryAccess.prepare(c, "ha_first");
      assertThat(
              db.one(
                  "SELECT pg_get_userbyid(relowner) FROM pg_class"
                      + " WHERE oid = 'tusk.schema_migrations'::regclass"))
          .isEqualTo("ha_first");

      HistoryAccess.prepare(c, "odd \"role\"; x");
    }

    assertThat(
            db.one(
                "SELECT pg_get_userbyid(relowner) FROM pg_class"
                    + " WHERE oid = 'tusk.schema_migrations'::regclass"))
        .isEqualTo("odd \"role\"; x");
    Migrator m =
        new Migrator(
            new MigrationDir(tmp).write("V1__t.up.sql", "CREATE TABLE t ();\n").scan(),
            HistoryAccess.asRole(db.source(), "odd \"role\"; x"),
            Clock.systemUTC());
    m.up(UpOptions.all());
    assertThat(db.one("SELECT tableowner FROM pg_tables WHERE tablename = 't'"))
        .isEqualTo("odd \"role\"; x");
  }

  @Test
  void concurrentPreparationsDoNotRace(TestServer server) throws Exception {
    Db db = Db.fresh(server, "access_race");
    db.exec("CREATE ROLE ha_race NOLOGIN");
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      tasks.add(
          () -> {
            try (var c = db.connect()) {
              HistoryAccess.prepare(c, "ha_race");
            }
            return null;
          });
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
    }

    assertThat(
            db.one(
                "SELECT pg_get_userbyid(relowner) FROM pg_class"
                    + " WHERE oid = 'tusk.schema_migrations'::regclass"))
        .isEqualTo("ha_race");
  }

  @Test
  void aFailedPreparationClosesTheConnectionAndSaysWhy(TestServer server) throws Exception {
    Db db = Db.fresh(server, "access_norole");
    List<java.sql.Connection> opened = new ArrayList<>();
    ConnectionSource tracked =
        () -> {
          java.sql.Connection c = db.connect();
          opened.add(c);
          return c;
        };

    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () ->
                new Migrator(
                        files().scan(),
                        HistoryAccess.asRole(tracked, "no_such_role"),
                        Clock.systemUTC())
                    .up(UpOptions.all()));

    assertThat(e.getMessage()).contains("role \"no_such_role\" does not exist");
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).isClosed()).isTrue();
    assertThat(db.tuskSchemaExists()).isFalse();
  }
}
