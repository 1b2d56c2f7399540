package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptance path end to end, with {@code tusk up} as a real OS process: first start, data
 * written, crash recovery after kill -9, SIGTERM stops with exit 0, a warm restart keeps the data
 * and reruns nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TuskUpIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension static final TestProject project = TestProject.create("tusk-up-it-");

  static TuskProcess tusk;

  @BeforeAll
  static void project() throws IOException {
    project.write(
        "sql/001-init.sql",
        """
        CREATE TABLE content.items (id int PRIMARY KEY, name text NOT NULL);
        INSERT INTO content.items VALUES (1, 'from init_sql');
        """);
    project.writeConfig(
        """
        cluster:
          name: db-upit-test
        postgres:
          port: {postgres.port}
        databases:
          - name: app
            owner: app_owner
            schemas: [content]
            extensions: [pgcrypto]
            init_sql: [sql/001-init.sql]
            grants:
              - { role: api_user, schemas: [content], tables: [SELECT] }
        roles:
          - { name: app_owner, login: true }
          - { name: api_user, login: false }
          - { name: authenticator, login: true, inherit: false, member_of: [api_user] }
        admin:
          port: {admin.port}
        api:
          port: {api.port}
          schemas: [content]
          anon_role: api_user
        """);
  }

  @Test
  @Order(10)
  void firstStartPrintsHowToConnect() throws Exception {
    tusk = project.up(Duration.ofMinutes(3));
    assertThat(tusk.out())
        .contains("Tusk is up: cluster db-upit-test")
        .contains("cold start")
        .contains("initdb")
        .contains(
            "port="
                + project.postgresPort()
                + " dbname=app user=app_owner sslmode=verify-full sslrootcert=")
        .contains("http://127.0.0.1:" + project.adminPort() + "/status");
    HttpResponse<String> ready = get("/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).path("components").path("rest").asText())
        .isEqualTo("ready");
    assertThat(tusk.out()).contains("REST API:  http://127.0.0.1:" + project.apiPort() + "/");
    HttpResponse<String> items =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + project.apiPort() + "/items?select=id,name&order=id"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(items.statusCode()).as(items.body()).isEqualTo(200);
    assertThat(items.body()).isEqualTo("[{\"id\":1,\"name\":\"from init_sql\"}]");
    assertThat(get("/metrics").body())
        .contains("tusk_rest_requests_total{method=\"GET\",status=\"200\"} 1");
    List<String> logLines = Files.readAllLines(project.resolve("tusk-data/tusk.log"));
    assertThat(logLines).anyMatch(l -> l.contains("\"component\":\"bootstrap\""));
    // One JSON line per request: method, path, role, status, rows, duration.
    JsonNode request = null;
    for (String l : logLines) {
      JsonNode n = JSON.readTree(l);
      if (n.path("component").asText().equals("rest") && n.path("path").asText().equals("/items")) {
        request = n;
      }
    }
    assertThat(request).as("request log line in %s", logLines).isNotNull();
    assertThat(request.path("method").asText()).isEqualTo("GET");
    assertThat(request.path("role").asText()).isEqualTo("api_user");
    assertThat(request.path("status").asInt()).isEqualTo(200);
    assertThat(request.path("rows").asLong()).isEqualTo(1);
    assertThat(request.path("duration_ms").isNumber()).isTrue();
  }

  @Test
  @Order(20)
  void sqlAndStatusWorkAgainstTheRunningPlatform() {
    CliRunner.Result ins =
        project.tusk("sql", "INSERT INTO content.items VALUES (2, 'by tusk sql')");
    assertThat(ins.exit()).as(ins.err()).isEqualTo(0);
    CliRunner.Result sel =
        project.tusk("sql", "--csv", "SELECT id, name FROM content.items ORDER BY id");
    assertThat(sel.out()).isEqualTo("id,name\r\n1,from init_sql\r\n2,by tusk sql\r\n");
    CliRunner.Result status = project.tusk("status");
    assertThat(status.exit()).as(status.out()).isEqualTo(0);
    assertThat(status.out()).contains("db-upit-test: healthy").contains("PostgreSQL 18.");
  }

  @Test
  @Order(25)
  void sigusr1ReloadsTheApisSchemaCache() throws Exception {
    CliRunner.Result ddl =
        project.tusk(
            "sql",
            "CREATE TABLE content.later (id int PRIMARY KEY);"
                + " ALTER TABLE content.later ENABLE ROW LEVEL SECURITY;"
                + " CREATE POLICY everyone ON content.later USING (true);"
                + " GRANT SELECT ON content.later TO api_user;"
                + " INSERT INTO content.later VALUES (7)");
    assertThat(ddl.exit()).as(ddl.err()).isEqualTo(0);
    // No NOTIFY was sent, so the API still has the schema it loaded at start.
    HttpResponse<String> before = api("/later");
    assertThat(before.statusCode()).as(before.body()).isEqualTo(404);
    assertThat(before.body()).contains("PGRST205");

    tusk.signal("USR1");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    HttpResponse<String> after = api("/later");
    while (after.statusCode() != 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      after = api("/later");
    }
    assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
    assertThat(after.body()).isEqualTo("[{\"id\":7}]");
    assertThat(tusk.pid()).isPositive();
    assertThat(ProcessHandle.of(tusk.pid()).map(ProcessHandle::isAlive).orElse(false)).isTrue();
  }

  private static HttpResponse<String> api(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + project.apiPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(30)
  void killNineOfPostgresIsRecoveredAndReadyReturns() throws Exception {
    long pid = status().path("postgres").path("pid").asLong();
    assertThat(pid).isPositive();
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    JsonNode s = status();
    while (Instant.now().isBefore(deadline)) {
      s = status();
      if (get("/ready").statusCode() == 200 && s.path("postgres").path("pid").asLong() != pid) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    assertThat(s.path("postgres").path("restarts").asInt()).isEqualTo(1);
    CliRunner.Result count = project.tusk("sql", "--csv", "SELECT count(*) FROM content.items");
    assertThat(count.out()).isEqualTo("count\r\n2\r\n");
    assertThat(get("/metrics").body()).contains("tusk_postgres_restarts_total 1");
  }

  @Test
  @Order(40)
  void sigtermStopsEverythingAndExitsZero() throws Exception {
    long pgPid = status().path("postgres").path("pid").asLong();
    assertThat(tusk.stop()).as(tusk.err()).isEqualTo(0);
    assertThat(tusk.out()).endsWith("Tusk stopped.");
    assertThat(ProcessHandle.of(pgPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(project.resolve("tusk-data/pgdata/postmaster.pid")).doesNotExist();
  }

  @Test
  @Order(50)
  void aWarmRestartKeepsDataAndRerunsNothing() throws Exception {
    tusk = project.up(Duration.ofMinutes(2));
    assertThat(tusk.out()).contains("warm start").doesNotContain("initdb");
    assertThat(tusk.err()).doesNotContain("created role").doesNotContain("ran init_sql");
    CliRunner.Result r =
        project.tusk(
            "sql",
            "--csv",
            "SELECT (SELECT count(*) FROM content.items), (SELECT count(*) FROM tusk.init_sql_history),"
                + " (SELECT count(*) FROM pg_roles WHERE rolname = 'app_owner')");
    assertThat(r.out()).isEqualTo("count,count,count\r\n2,1,1\r\n");
    tusk.signal("INT");
    assertThat(tusk.waitExit(Duration.ofSeconds(60))).isEqualTo(0);
  }

  @Test
  @Order(60)
  void aSecondTuskOnTheSamePortsIsRefusedWithExitTwo() throws Exception {
    tusk = project.up(Duration.ofMinutes(2));
    try (TestProject other = TestProject.create("tusk-up-it-other-")) {
      Files.copy(project.resolve("tusk.yaml"), other.resolve("tusk.yaml"));
      Files.createDirectories(other.resolve("sql"));
      Files.copy(project.resolve("sql/001-init.sql"), other.resolve("sql/001-init.sql"));
      CliRunner.Result api = other.tusk("up");
      assertThat(api.exit()).isEqualTo(2);
      assertThat(api.err()).contains("api.port " + project.apiPort()).contains("TUSK_API_PORT");
      assertThat(other.resolve("tusk-data")).doesNotExist();
      String freeApi = Integer.toString(TestProject.freePort());
      CliRunner.Result r = CliRunner.run(other.dir(), Map.of("TUSK_API_PORT", freeApi), "up");
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err())
          .contains("admin.port " + project.adminPort())
          .contains("is not available");
      assertThat(other.resolve("tusk-data")).doesNotExist();
      CliRunner.Result pg =
          CliRunner.run(
              other.dir(),
              Map.of(
                  "TUSK_ADMIN_PORT",
                  Integer.toString(TestProject.freePort()),
                  "TUSK_API_PORT",
                  freeApi),
              "up");
      assertThat(pg.exit()).isEqualTo(2);
      assertThat(pg.err())
          .contains("postgres.port " + project.postgresPort())
          .contains("TUSK_POSTGRES_PORT");
      assertThat(other.resolve("tusk-data")).doesNotExist();
    }
    assertThat(tusk.stop()).isEqualTo(0);
  }

  @Test
  @Order(70)
  void aWrongSuperuserPasswordFailsAtOnceAndLeavesNothingRunning() throws Exception {
    CliRunner.Result r =
        CliRunner.run(
            project.dir(), Map.of("TUSK_POSTGRES_SUPERUSER_PASSWORD", "not-the-initdb-one"), "up");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("refused the password for superuser postgres")
        .contains("engine.superuser_password");
    assertThat(project.resolve("tusk-data/pgdata/postmaster.pid")).doesNotExist();
  }

  @Test
  @Order(80)
  void aRestrictiveUmaskStillWorksAndSecretsStayPrivate() throws Exception {
    try (TestProject fresh = TestProject.create("tusk-up-it-fresh-")) {
      TuskProcess restricted = fresh.startUp(fresh.portEnv(), "077");
      restricted.awaitOut(TestProject.READY, Duration.ofMinutes(2));
      Path data = fresh.resolve("tusk-data");
      assertThat(perms(data.resolve("tusk.log"))).isEqualTo("rw-------");
      assertThat(perms(data.resolve("tls"))).isEqualTo("rwx------");
      assertThat(perms(data.resolve("tls/ca.key"))).isEqualTo("rw-------");
      assertThat(perms(data.resolve("pgdata/server.key"))).isEqualTo("rw-------");
      // The CA key stays with Tusk's user; only the server's key belongs to PostgreSQL's.
      assertThat(Files.getOwner(data.resolve("tls/ca.key"))).isEqualTo(Files.getOwner(fresh.dir()));
      assertThat(restricted.stop()).isEqualTo(0);
    }
  }

  @Test
  @Order(90)
  void sigtermDuringStartUpStopsPostgresAndExitsZero() throws Exception {
    try (TestProject fresh = TestProject.create("tusk-up-it-fresh-")) {
      TuskProcess starting = fresh.startUp(fresh.portEnv(), "022");
      starting.awaitErr("started PostgreSQL", Duration.ofMinutes(2));
      starting.signal("TERM");
      assertThat(starting.waitExit(Duration.ofSeconds(90))).as(starting.err()).isEqualTo(0);
      assertThat(starting.err()).contains("stop requested during start-up");
      assertThat(fresh.resolve("tusk-data/pgdata/postmaster.pid")).doesNotExist();
    }
  }

  private static String perms(Path p) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + project.adminPort() + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode status() throws IOException, InterruptedException {
    return JSON.readTree(get("/status").body());
  }
}
