package dev.tusk.testkit;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.engine.admin.AdminServer;
import dev.tusk.engine.admin.PostgresMetrics;
import dev.tusk.engine.admin.ServerHealth;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile input to the admin port over raw sockets: malformed request lines and headers, a 100 KB
 * URL, a megabyte of headers, binary blobs, a body meant to be read as a second request, path
 * traversal, markup in the query, and hundreds of connections at once or held half-sent. The server
 * must answer 4xx or close, never hang (every read has a timeout, every test a limit), and must
 * answer /live after each.
 */
@ExtendWith(TuskPostgres.class)
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AdminHostileHttpIT {

  private static final String NOT_FOUND =
      "{\"error\":\"not found\",\"endpoints\":\"/live /ready /status /metrics\"}";
  private static AdminServer admin;
  private static AdminClient client;

  @BeforeAll
  static void start(TestServer server) {
    PostgresMetrics.ConnectionSource source = () -> server.superuser().open("postgres");
    ServerHealth health =
        new ServerHealth("db-hostile-it", server.server().supervisor(), source, Clock.systemUTC());
    health.bootstrap("done");
    admin = new AdminServer("127.0.0.1", 0, health, out -> PostgresMetrics.write(out, source));
    client = new AdminClient(admin.port());
  }

  @AfterAll
  static void stop() {
    client.close();
    admin.close();
  }

  @AfterEach
  void stillLive() throws Exception {
    assertThat(client.get("/live").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GARBAGE\r\n\r\n",
        "GET /live\r\n\r\n",
        " /live HTTP/1.1\r\n\r\n",
        "\u0000\u0001\u00ff /live HTTP/1.1\r\n\r\n",
        "GET /%zz HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET mailto:x HTTP/1.1\r\nHost: a\r\n\r\n",
        "GET /live HTTP/1.1\r\nBad Header: x\r\n\r\n",
        "GET /live HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        "GET /live HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "GET /live HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      })
  void malformedRequestsAreRejected(String request) throws Exception {
    RawHttp.Result r = RawHttp.exchange(admin.port(), request.getBytes(ISO_8859_1), true);
    assertThat(r.rejected()).as("%s -> %s", request, r).isTrue();
    assertThat(r.responses()).allSatisfy(x -> assertThat(x.body()).doesNotContain("<script"));
  }

  @Test
  void markupInTheQueryIsNeverReflected() throws Exception {
    // Tusk's HTTP server passes the raw query to handlers (the REST layer decodes it); the admin
    // endpoints ignore it, so this is an ordinary scrape that must not echo the markup.
    String request = "GET /metrics?x=<script>alert(1)</script> HTTP/1.1\r\nHost: a\r\n\r\n";
    RawHttp.Result r = RawHttp.exchange(admin.port(), request.getBytes(ISO_8859_1), true);
    assertThat(r.responses()).isNotEmpty();
    assertThat(r.responses()).allSatisfy(x -> assertThat(x.body()).doesNotContain("<script"));
    assertThat(r.responses().getFirst().status()).isEqualTo(200);
  }

  @Test
  void aHundredKilobyteUrlIsRejected() throws Exception {
    String request = "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: a\r\n\r\n";
    RawHttp.Result r = RawHttp.exchange(admin.port(), request.getBytes(ISO_8859_1), true);
    assertThat(r.rejected()).as("%s", r).isTrue();
  }

  @Test
  void aMegabyteOfHeadersIsRejected() throws Exception {
    StringBuilder many = new StringBuilder("GET /live HTTP/1.1\r\nHost: a\r\n");
    for (int i = 0; i < 1000; i++) {
      many.append("X-Pad-").append(i).append(": ").append("p".repeat(1000)).append("\r\n");
    }
    String one = "GET /live HTTP/1.1\r\nX-Big: " + "b".repeat(1 << 20) + "\r\n\r\n";
    for (String request : List.of(many.append("\r\n").toString(), one)) {
      RawHttp.Result r = RawHttp.exchange(admin.port(), request.getBytes(ISO_8859_1), true);
      assertThat(r.rejected()).as("%s", r).isTrue();
    }
  }

  @Test
  void binaryBlobsAreRejected() throws Exception {
    byte[] random = new byte[64 * 1024];
    new Random(20240601).nextBytes(random);
    byte[] tlsHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
    for (byte[] blob : List.of(random, tlsHello, new byte[1 << 20])) {
      RawHttp.Result r = RawHttp.exchange(admin.port(), blob, true);
      assertThat(r.rejected()).as("%d bytes -> %s", blob.length, r).isTrue();
    }
  }

  @Test
  void aBodyOnGetIsReadAsABodyNotAsTheNextRequest() throws Exception {
    String smuggled = "GET /status HTTP/1.1\r\nHost: a\r\n\r\n";
    String request =
        "GET /live HTTP/1.1\r\nHost: a\r\nContent-Length: "
            + smuggled.length()
            + "\r\n\r\n"
            + smuggled
            + "GET /nope HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
    RawHttp.Result r = RawHttp.exchange(admin.port(), request.getBytes(ISO_8859_1), false);
    assertThat(r.responses()).extracting(RawHttp.Response::status).containsExactly(200, 404);
    assertThat(AdminClient.parse(r.responses().getFirst().body()))
        .isEqualTo(AdminClient.parse("{\"status\":\"live\"}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/live/../../etc/passwd",
        "/metrics/../../../../etc/passwd",
        "//etc/passwd",
      })
  void pathTraversalIsA404(String path) throws Exception {
    String request = "GET " + path + " HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n";
    RawHttp.Result r = RawHttp.exchange(admin.port(), request.getBytes(ISO_8859_1), false);
    assertThat(r.responses()).hasSize(1);
    assertThat(r.responses().getFirst().status()).isEqualTo(404);
    assertThat(AdminClient.parse(r.responses().getFirst().body()))
        .isEqualTo(AdminClient.parse(NOT_FOUND));
  }

  @Test
  void markupInTheQueryIsIgnoredNotReflected() throws Exception {
    HttpResponse<String> r = client.get("/metrics?x=%3Cscript%3Ealert(1)%3C/script%3E&y=%22%7D");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("script").doesNotContain("alert");
    assertThat(PromParser.parse(r.body()).value("pg_up")).isEqualTo(1);
  }

  @Test
  void twoHundredParallelConnectionsAreAllAnswered() throws Exception {
    byte[] request =
        "GET /live HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".getBytes(ISO_8859_1);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<RawHttp.Result>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return RawHttp.exchange(admin.port(), request, false);
                }));
      }
      go.countDown();
      for (Future<RawHttp.Result> f : results) {
        RawHttp.Result r = f.get(120, TimeUnit.SECONDS);
        assertThat(r.responses()).extracting(RawHttp.Response::status).containsExactly(200);
      }
    }
  }

  @Test
  void connectionsHeldHalfSentDoNotBlockOthers() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 100; i++) {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), admin.port());
        s.getOutputStream().write("GET /live HTTP/1.1\r\nHost: a\r\nX-Slow: ".getBytes());
        held.add(s);
      }
      assertThat(client.get("/ready").statusCode()).isEqualTo(200);
      assertThat(client.scrape().value("pg_up")).isEqualTo(1);
    } finally {
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
