package dev.tusk.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.metrics.PromText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin HTTP layer over real loopback sockets, with a {@link FakeHealth} standing in for the
 * platform: routing, status codes, headers and bodies exactly, HEAD, refused methods, and a broken
 * component answering 500 instead of a dropped connection. Database metrics are tested against a
 * real server in the testkit's AdminMetricsIT.
 */
class AdminServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOT_FOUND =
      "{\"error\":\"not found\",\"endpoints\":\"/live /ready /status /metrics\"}";

  private final FakeHealth health = new FakeHealth();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private volatile Consumer<PromText> metrics = out -> {};
  private AdminServer server;

  @BeforeEach
  void start() {
    server = new AdminServer("127.0.0.1", 0, health, out -> metrics.accept(out));
  }

  @AfterEach
  void stop() {
    server.close();
    http.close();
  }

  @Test
  void liveIsAlways200() throws Exception {
    health.ready = false;
    HttpResponse<String> r = send("GET", "/live");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree("{\"status\":\"live\"}"));
  }

  @Test
  void readyFollowsTheHealthAndListsTheComponents() throws Exception {
    health.components = Map.of("postgres", "starting", "bootstrap", "pending");
    HttpResponse<String> notReady = send("GET", "/ready");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(notReady.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"status\":\"not ready\","
                    + "\"components\":{\"postgres\":\"starting\",\"bootstrap\":\"pending\"}}"));

    health.ready = true;
    HttpResponse<String> ready = send("GET", "/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("ready");
  }

  @Test
  void statusIsTheHealthsMapAsJsonWithHostileStringsEscaped() throws Exception {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("cluster", "q\"uote\\back\nnew</script>\u00e9\u0000");
    status.put("uptime_seconds", 42);
    status.put("postgres", Map.of("restarts", 3));
    health.status = status;
    HttpResponse<String> r = send("GET", "/status");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.valueToTree(status));
    assertThat(r.body()).doesNotContain("\n\"").doesNotContain("\u0000");
  }

  @Test
  void metricsSendsTheWritersTextUnchanged() throws Exception {
    metrics =
        out ->
            out.family("tusk_test", PromText.Type.GAUGE, "a test gauge")
                .sample("tusk_test", 7, "db", "a\"b");
    HttpResponse<String> r = send("GET", "/metrics?x=%3Cscript%3E");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.body())
        .isEqualTo(
            "# HELP tusk_test a test gauge\n# TYPE tusk_test gauge\ntusk_test{db=\"a\\\"b\"} 7\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/live/", "/LIVE", "/metrics/x", "/status.json", "/%2e%2e/live"})
  void unknownPathsAre404WithTheEndpointList(String path) throws Exception {
    HttpResponse<String> r = send("GET", path);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(r.body())).isEqualTo(JSON.readTree(NOT_FOUND));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/live", "/ready", "/status", "/metrics", "/nope"})
  void headAnswersLikeGetWithoutABody(String path) throws Exception {
    health.ready = true;
    metrics = out -> out.family("tusk_x", PromText.Type.GAUGE, "x").sample("tusk_x", 1);
    HttpResponse<String> get = send("GET", path);
    HttpResponse<String> head = send("HEAD", path);
    assertThat(head.statusCode()).isEqualTo(get.statusCode());
    assertThat(head.headers().firstValue("Content-Type"))
        .isEqualTo(get.headers().firstValue("Content-Type"));
    assertThat(head.body()).isEmpty();
    assertThat(get.body()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
  void otherMethodsAre405WithAllow(String method) throws Exception {
    HttpResponse<String> r = send(method, "/live");
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertThat(JSON.readTree(r.body()))
        .isEqualTo(JSON.readTree("{\"error\":\"method not allowed\"}"));
  }

  @Test
  void aFailingComponentAnswers500AndTheServerKeepsServing() throws Exception {
    health.failure = new IllegalStateException("secret detail");
    for (String path : new String[] {"/ready", "/status"}) {
      HttpResponse<String> r = send("GET", path);
      assertThat(r.statusCode()).as(path).isEqualTo(500);
      assertThat(JSON.readTree(r.body()))
          .isEqualTo(JSON.readTree("{\"error\":\"internal error\"}"));
    }
    assertThat(send("GET", "/live").statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingMetricsWriterAnswers500WithNoPartialScrape() throws Exception {
    metrics =
        out -> {
          out.family("tusk_half", PromText.Type.GAUGE, "written before the failure");
          throw new IllegalStateException("boom");
        };
    HttpResponse<String> r = send("GET", "/metrics");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).doesNotContain("tusk_half");
  }

  @Test
  void aTakenPortIsAnOperationErrorNamingThePortAndTheKey() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> new AdminServer("127.0.0.1", port, health, out -> {}))
          .isInstanceOf(OperationException.class)
          .hasMessageContaining("admin.port " + port + " on 127.0.0.1 is not available")
          .satisfies(
              e -> {
                OperationException oe = (OperationException) e;
                assertThat(oe.code()).isEqualTo("admin.bind_failed");
                assertThat(oe.hint()).get().asString().contains("TUSK_ADMIN_PORT");
              });
    }
  }

  @Test
  void closeReleasesThePort() {
    int port = server.port();
    server.close();
    assertThatThrownBy(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
              }
            })
        .isInstanceOf(ConnectException.class);
  }

  private HttpResponse<String> send(String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
