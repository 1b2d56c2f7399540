package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runners at once. The test holds the migration lock itself until both runners are queued on it
 * (seen in pg_locks), so they truly overlap without relying on timing; then one applies everything
 * and the other, planning after it, finds nothing pending.
 */
@ExtendWith(TuskPostgres.class)
class ConcurrentRunnersIT {

  @TempDir Path tmp;

  @Test
  void oneWaitsAndNoneDoubleApplies(TestServer server) throws Exception {
    Db db = Db.fresh(server, "concurrent");
    MigrationSet set =
        new MigrationDir(tmp)
            .write("V1__log.up.sql", "CREATE TABLE log (n int);\nINSERT INTO log VALUES (1);\n")
            .write("V2__more.up.sql", "INSERT INTO log VALUES (2);\n")
            .write("R__view.sql", "CREATE OR REPLACE VIEW log_view AS SELECT n FROM log;\n")
            .scan();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<RunResult>> runs = new ArrayList<>();
    try (Connection holder = db.connect()) {
      lock(holder, "SELECT pg_advisory_lock(?)");
      for (int i = 0; i < 2; i++) {
        Migrator m = new Migrator(set, db.source(), Clock.systemUTC());
        runs.add(pool.submit(() -> m.up(UpOptions.all())));
      }
      awaitWaiters(db, 2);
      assertThat(db.tuskSchemaExists()).isFalse();
      lock(holder, "SELECT pg_advisory_unlock(?)");
      List<Integer> sizes = new ArrayList<>();
      for (Future<RunResult> f : runs) {
        sizes.add(f.get(2, TimeUnit.MINUTES).steps().size());
      }
      assertThat(sizes).containsExactlyInAnyOrder(3, 0);
    } finally {
      pool.shutdownNow();
    }
    assertThat(db.rows("SELECT n FROM log ORDER BY n")).containsExactly("1", "2");
    assertThat(db.history()).containsExactly("1|log|up|t", "2|more|up|t", "-|view|repeatable|t");
  }

  private static void lock(Connection c, String sql) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, AdvisoryLock.KEY);
      p.executeQuery().close();
    }
  }

  /**
   * Polls pg_locks until {@code n} sessions wait for an advisory lock (bounded, no timing claim).
   */
  private static void awaitWaiters(Db db, int n) throws Exception {
    String sql =
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!db.one(sql).equals(String.valueOf(n))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the runners never queued on the migration lock");
      }
      Thread.sleep(20);
    }
  }
}
