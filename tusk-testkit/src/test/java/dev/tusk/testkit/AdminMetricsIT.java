package dev.tusk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.config.Secret;
import dev.tusk.engine.admin.AdminServer;
import dev.tusk.engine.admin.PostgresMetrics;
import dev.tusk.engine.admin.ServerHealth;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /metrics against the real server, read with the strict {@link PromParser}: postgres_exporter's
 * names, types and labels, values that agree with the server, a counter that moves when
 * transactions commit, a database name that needs escaping, and {@code pg_up 0} when the scrape
 * cannot connect.
 */
@ExtendWith(TuskPostgres.class)
class AdminMetricsIT {

  private static TestServer server;
  private static TestDatabase db;
  private static AdminServer admin;
  private static AdminClient client;

  @BeforeAll
  static void start(TestServer s, TestDatabase d) {
    server = s;
    db = d;
    admin = adminOver(() -> s.superuser().open("postgres"));
    client = new AdminClient(admin.port());
  }

  @AfterAll
  static void stop() {
    client.close();
    admin.close();
  }

  @Test
  void exporterFamiliesHaveTheirTypesAndPerDatabaseLabels() throws Exception {
    Scrape s = client.scrape();
    assertThat(s.value("pg_up")).isEqualTo(1);
    assertThat(s.family("pg_up").type()).isEqualTo("gauge");
    String oid = query(db, "SELECT oid::text FROM pg_database WHERE datname = current_database()");
    for (String counter :
        List.of("xact_commit", "xact_rollback", "blks_hit", "blks_read", "deadlocks")) {
      String name = "pg_stat_database_" + counter;
      assertThat(s.family(name).type()).as(name).isEqualTo("counter");
      assertThat(s.value(name, "datname", db.name(), "datid", oid)).as(name).isNotNegative();
    }
    assertThat(s.family("pg_stat_database_numbackends").type()).isEqualTo("gauge");
    assertThat(s.value("pg_stat_database_xact_commit", "datname", "postgres")).isPositive();
    assertThat(s.value("pg_database_size_bytes", "datname", db.name())).isGreaterThan(1_000_000);
    assertThat(s.samples("pg_database_size_bytes", "datname", "template0")).isEmpty();
    assertThat(s.value("pg_settings_max_connections"))
        .isEqualTo(Double.parseDouble(query(db, "SHOW max_connections")));
    assertThat(s.value("pg_postmaster_start_time_seconds"))
        .isEqualTo(
            Double.parseDouble(
                query(db, "SELECT extract(epoch FROM pg_postmaster_start_time())::float8")));
  }

  @Test
  void activityIsCountedByDatabaseAndState() throws Exception {
    try (Connection idle = db.connect();
        Connection inTx = db.connect();
        Statement st = inTx.createStatement()) {
      idle.createStatement().execute("SELECT 1");
      inTx.setAutoCommit(false);
      st.execute("SELECT txid_current()");
      Scrape s = client.scrape();
      String[] states = {"active", "idle", "idle in transaction", "fastpath function call"};
      for (String state : states) {
        assertThat(s.samples("pg_stat_activity_count", "datname", db.name(), "state", state))
            .as(state)
            .hasSize(1);
      }
      // Other tests' closed connections may linger a moment as idle; none is left in a transaction.
      assertThat(s.value("pg_stat_activity_count", "datname", db.name(), "state", "idle"))
          .isGreaterThanOrEqualTo(1);
      String[] tx = {"datname", db.name(), "state", "idle in transaction"};
      assertThat(s.value("pg_stat_activity_count", tx)).isEqualTo(1);
      assertThat(s.value("pg_stat_activity_max_tx_duration", tx)).isPositive();
      String[] none = {"datname", db.name(), "state", "fastpath function call"};
      assertThat(s.value("pg_stat_activity_count", none)).isZero();
      assertThat(s.value("pg_stat_activity_max_tx_duration", none)).isZero();
      assertThat(s.value("pg_stat_database_numbackends", "datname", db.name()))
          .isGreaterThanOrEqualTo(2);
      inTx.rollback();
    }
  }

  @Test
  void xactCommitRisesAfterTransactionsCommit() throws Exception {
    double before = client.scrape().value("pg_stat_database_xact_commit", "datname", db.name());
    try (Connection c = db.connect();
        Statement st = c.createStatement()) {
      for (int i = 0; i < 5; i++) {
        st.execute("SELECT " + i);
      }
    }
    // A backend publishes its counters when it exits, just after the client disconnects.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    double after = before;
    while (after < before + 5 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      after = client.scrape().value("pg_stat_database_xact_commit", "datname", db.name());
    }
    assertThat(after).as("xact_commit before: %s", before).isGreaterThanOrEqualTo(before + 5);
  }

  @Test
  void aDatabaseNameThatNeedsEscapingSurvivesTheRoundTrip() throws Exception {
    // PostgreSQL refuses CR and LF in database names; PromParserTest covers the \n escape.
    String odd = "odd \"quoted\" back\\slash, {x=\"y\"} é";
    exec("CREATE DATABASE \"" + odd.replace("\"", "\"\"") + "\"");
    try {
      Scrape s = client.scrape();
      assertThat(s.value("pg_database_size_bytes", "datname", odd)).isPositive();
      assertThat(s.samples("pg_stat_database_xact_commit", "datname", odd)).hasSize(1);
      assertThat(s.samples("pg_stat_activity_count", "datname", odd)).hasSize(6);
    } finally {
      exec("DROP DATABASE \"" + odd.replace("\"", "\"\"") + "\" WITH (FORCE)");
    }
  }

  @Test
  void pgUpIsZeroWhenTheScrapeCannotConnect() throws Exception {
    Secret wrong = new Secret("not-the-password", "literal");
    List<PostgresMetrics.ConnectionSource> failing =
        List.of(
            () -> server.superuser().open("no_such_database_" + db.name()),
            () -> server.superuser().as(server.superuser().user(), wrong).open("postgres"));
    for (PostgresMetrics.ConnectionSource source : failing) {
      try (AdminServer down = adminOver(source);
          AdminClient c = new AdminClient(down.port())) {
        Scrape s = c.scrape();
        assertThat(s.families().keySet()).containsExactly("pg_up");
        assertThat(s.value("pg_up")).isZero();
      }
    }
  }

  @Test
  void concurrentScrapesAreEachComplete() throws Exception {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Scrape>> scrapes = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        scrapes.add(pool.submit(client::scrape));
      }
      for (Future<Scrape> f : scrapes) {
        Scrape s = f.get(120, TimeUnit.SECONDS);
        assertThat(s.value("pg_up")).isEqualTo(1);
        assertThat(s.samples("pg_stat_database_xact_commit", "datname", db.name())).hasSize(1);
      }
    }
  }

  private static AdminServer adminOver(PostgresMetrics.ConnectionSource source) {
    ServerHealth health =
        new ServerHealth("db-metrics-it", server.server().supervisor(), source, Clock.systemUTC());
    return new AdminServer("127.0.0.1", 0, health, out -> PostgresMetrics.write(out, source));
  }

  private static void exec(String sql) throws SQLException {
    try (Connection c = server.superuser().open("postgres");
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static String query(TestDatabase on, String sql) throws SQLException {
    try (Connection c = on.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
