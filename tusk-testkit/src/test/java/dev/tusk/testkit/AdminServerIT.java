package dev.tusk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.engine.admin.AdminServer;
import dev.tusk.engine.admin.PostgresMetrics;
import dev.tusk.engine.admin.ServerHealth;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The admin endpoints over real HTTP against a server of its own (the last test stops it): /live,
 * /ready through bootstrap, /status with every field checked against the server itself, HEAD, a
 * refused POST, a 404, and what all of them say once PostgreSQL is down. Time comes from a clock
 * the test moves, so uptime is exact.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminServerIT {

  private static final StepClock CLOCK = new StepClock(Instant.parse("2031-05-01T12:00:00Z"));
  private static TestServer server;
  private static ServerHealth health;
  private static AdminServer admin;
  private static AdminClient client;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    PostgresMetrics.ConnectionSource source = () -> server.superuser().open("postgres");
    health =
        new ServerHealth(
            server.config().cluster().name(), server.server().supervisor(), source, CLOCK);
    admin = new AdminServer("127.0.0.1", 0, health, out -> PostgresMetrics.write(out, source));
    client = new AdminClient(admin.port());
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (admin != null) {
      admin.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void liveIs200() throws Exception {
    HttpResponse<String> r = client.get("/live");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(AdminClient.parse(r.body())).isEqualTo(AdminClient.parse("{\"status\":\"live\"}"));
  }

  @Test
  @Order(2)
  void readyIs503WhileBootstrapIsPendingAndStatusIsDegraded() throws Exception {
    assertThat(client.json("/ready", 503))
        .isEqualTo(
            AdminClient.parse(
                "{\"status\":\"not ready\",\"components\":"
                    + "{\"postgres\":\"ready\",\"bootstrap\":\"pending\",\"admin\":\"ready\"}}"));
    assertThat(client.json("/status", 200).get("status").asText()).isEqualTo("degraded");
  }

  @Test
  @Order(3)
  void readyIs200OnceBootstrapIsDone() throws Exception {
    health.bootstrap("done");
    JsonNode ready = client.json("/ready", 200);
    assertThat(ready.get("status").asText()).isEqualTo("ready");
    assertThat(ready.get("components").get("bootstrap").asText()).isEqualTo("done");
  }

  @Test
  @Order(4)
  void statusReportsTheRunningServer() throws Exception {
    CLOCK.advance(Duration.ofSeconds(125));
    JsonNode s = client.json("/status", 200);
    assertThat(s.get("cluster").asText()).isEqualTo("db-testkit-test");
    assertThat(s.get("status").asText()).isEqualTo("healthy");
    assertThat(s.get("uptime_seconds").asLong()).isEqualTo(125);
    JsonNode pg = s.get("postgres");
    assertThat(pg.get("state").asText()).isEqualTo("ready");
    String pidFile =
        Files.readString(server.config().postgres().dataDir().resolve("postmaster.pid"));
    assertThat(pg.get("pid").asLong()).isEqualTo(Long.parseLong(pidFile.lines().findFirst().get()));
    assertThat(pg.get("restarts").asInt()).isZero();
    assertThat(pg.get("version").asText()).isEqualTo(query("SHOW server_version"));
    assertThat(pg.get("max_connections").asInt())
        .isEqualTo(Integer.parseInt(query("SHOW max_connections")));
    assertThat(pg.get("data_size_bytes").asLong()).isGreaterThan(1_000_000);
    // /status's own query is the active backend; the checkpointer always runs.
    assertThat(pg.get("connections").get("active").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(pg.get("connections").get("checkpointer").asInt()).isEqualTo(1);
    assertThat(pg.get("ready_since").asText()).isNotBlank();
    assertThat(s.get("components").get("postgres").asText()).isEqualTo("ready");
  }

  @Test
  @Order(5)
  void headAnswersLikeGetWithoutABody() throws Exception {
    for (String path : new String[] {"/live", "/ready", "/status", "/metrics", "/missing"}) {
      HttpResponse<String> get = client.get(path);
      HttpResponse<String> head = client.send("HEAD", path, HttpRequest.BodyPublishers.noBody());
      assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
      assertThat(head.headers().firstValue("Content-Type"))
          .as(path)
          .isEqualTo(get.headers().firstValue("Content-Type"));
      assertThat(head.body()).as(path).isEmpty();
      assertThat(get.body()).as(path).isNotEmpty();
    }
  }

  @Test
  @Order(6)
  void postIs405WithAllow() throws Exception {
    HttpResponse<String> r =
        client.send("POST", "/ready", HttpRequest.BodyPublishers.ofString("{\"ready\":true}"));
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(AdminClient.parse(r.body()))
        .isEqualTo(AdminClient.parse("{\"error\":\"method not allowed\"}"));
  }

  @Test
  @Order(7)
  void anUnknownPathIs404Json() throws Exception {
    assertThat(client.json("/admin", 404))
        .isEqualTo(
            AdminClient.parse(
                "{\"error\":\"not found\",\"endpoints\":\"/live /ready /status /metrics\"}"));
  }

  @Test
  @Order(8)
  void metricsSayUpWhileRunning() throws Exception {
    assertThat(client.scrape().value("pg_up")).isEqualTo(1);
  }

  @Test
  @Order(99)
  void onceStoppedReadyIs503StatusIsDownAndPgUpIsZero() throws Exception {
    server.server().stop();
    JsonNode ready = client.json("/ready", 503);
    assertThat(ready.get("components").get("postgres").asText()).isEqualTo("stopped");
    JsonNode s = client.json("/status", 200);
    assertThat(s.get("status").asText()).isEqualTo("down");
    assertThat(s.get("postgres").get("state").asText()).isEqualTo("stopped");
    assertThat(s.get("postgres").has("pid")).isFalse();
    assertThat(s.get("postgres").has("version")).isFalse();
    Scrape down = client.scrape();
    assertThat(down.families().keySet()).containsExactly("pg_up");
    assertThat(down.value("pg_up")).isEqualTo(0);
    assertThat(client.get("/live").statusCode()).isEqualTo(200);
  }

  private static String query(String sql) throws SQLException {
    try (Connection c = server.superuser().open("postgres");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
