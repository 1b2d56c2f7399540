package dev.tusk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.engine.supervise.ServerState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Supervision against a server of its own (these tests kill and restart it): crash recovery,
 * restart with data intact, stale pid files, and the refusals that must leave the disk alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionIT {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void killNineOfThePostmasterIsRestartedAndCommittedDataSurvives() throws Exception {
    exec("CREATE TABLE survivors (id int PRIMARY KEY)", "INSERT INTO survivors VALUES (1), (2)");
    long pid = server.server().supervisor().pid().orElseThrow();
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
    awaitNewReadyServer(pid);
    assertThat(server.server().supervisor().restarts()).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM survivors")).isEqualTo(2);
  }

  @Test
  @Order(2)
  void stopAndStartKeepsTheDataAndReinitialisesNothing() throws Exception {
    exec("INSERT INTO survivors VALUES (3)");
    server.server().stop();
    assertThat(server.server().supervisor().state()).isEqualTo(ServerState.STOPPED);
    assertThat(server.config().postgres().dataDir().resolve("postmaster.pid")).doesNotExist();
    server = server.restart();
    assertThat(server.lastStart().initialized()).isFalse();
    assertThat(count("SELECT count(*) FROM survivors")).isEqualTo(3);
  }

  @Test
  @Order(3)
  void aStalePidFileFromACrashIsCleared() throws Exception {
    server.server().stop();
    Path pidFile = server.config().postgres().dataDir().resolve("postmaster.pid");
    // A PID that is certainly not a live postmaster: this test's own `true` process, exited.
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(pidFile, gone.pid() + "\n" + server.config().postgres().dataDir() + "\n");
    server = server.restart();
    assertThat(count("SELECT count(*) FROM survivors")).isEqualTo(3);
  }

  @Test
  @Order(4)
  void aSecondServerOnTheSameDataDirectoryIsRefused() {
    assertThatThrownBy(() -> server.newServerOnSameHome().preflight())
        .isInstanceOf(OperationException.class)
        .hasMessageContaining("is already running on postgres.data_dir");
  }

  @Test
  @Order(5)
  void aTakenPortIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path home = Files.createTempDirectory("tusk-port-");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var config = TestServer.config(home, taken.getLocalPort());
      assertThatThrownBy(() -> TestServer.managed(config).preflight())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(
              "postgres.port " + taken.getLocalPort() + " on 127.0.0.1 is not available")
          .satisfies(
              e ->
                  assertThat(((ConfigException) e).hint())
                      .get()
                      .asString()
                      .contains("TUSK_POSTGRES_PORT"));
      assertThat(listing(home)).isEmpty();
    } finally {
      Files.deleteIfExists(home);
    }
  }

  @Test
  @Order(6)
  void aDataDirectoryOfAnotherMajorIsRefusedAndLeftAlone() throws IOException {
    Path home = Files.createTempDirectory("tusk-major-");
    Path pgdata = Files.createDirectories(home.resolve("pgdata"));
    Files.writeString(pgdata.resolve("PG_VERSION"), "15\n");
    try {
      var config = TestServer.config(home, TestServer.freePort());
      assertThatThrownBy(() -> TestServer.managed(config).preflight())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(
              "belongs to PostgreSQL 15 but the server binaries are PostgreSQL 18")
          .satisfies(
              e ->
                  assertThat(((ConfigException) e).hint()).get().asString().contains("pg_upgrade"));
      assertThat(listing(home)).containsExactly("pgdata", "pgdata/PG_VERSION");
    } finally {
      Files.delete(pgdata.resolve("PG_VERSION"));
      Files.delete(pgdata);
      Files.delete(home);
    }
  }

  @Test
  @Order(7)
  void aDirectoryWithOtherFilesIsNotMistakenForPgdata() throws IOException {
    Path home = Files.createTempDirectory("tusk-foreign-");
    Path pgdata = Files.createDirectories(home.resolve("pgdata"));
    Files.writeString(pgdata.resolve("notes.txt"), "mine");
    try {
      var config = TestServer.config(home, TestServer.freePort());
      assertThatThrownBy(() -> TestServer.managed(config).preflight())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("is not empty and is not a PostgreSQL data directory");
      assertThat(Files.readString(pgdata.resolve("notes.txt"))).isEqualTo("mine");
    } finally {
      Files.delete(pgdata.resolve("notes.txt"));
      Files.delete(pgdata);
      Files.delete(home);
    }
  }

  private static List<String> listing(Path home) throws IOException {
    try (var walk = Files.walk(home)) {
      return walk.filter(p -> !p.equals(home))
          .map(p -> home.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static void awaitNewReadyServer(long oldPid) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      var sup = server.server().supervisor();
      if (sup.state() == ServerState.READY && sup.pid().filter(p -> p != oldPid).isPresent()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "PostgreSQL was not restarted within 60 s; state " + server.server().supervisor().state());
  }

  private static void exec(String... sql) throws SQLException {
    try (Connection c = server.superuser().open("postgres");
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = server.superuser().open("postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
