package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Size limits and their exact boundaries, and the timeouts that cut slow clients off. */
class LimitsTest {

  @Test
  void answers431ToAMegabyteOfHeaders() throws Exception {
    try (TestServer server = new TestServer(TestServer::echo);
        RawClient c = server.client()) {
      // 1,000 fields of 1 KB: the byte limit (16 KiB) trips long before the count limit (100).
      String head =
          "GET / HTTP/1.1\r\nHost: x\r\n"
              + ("X-Padding: " + "p".repeat(1000) + "\r\n").repeat(1000);
      sendInBackground(c, head + "\r\n");
      RawResponse r = c.read();
      assertThat(r.status()).isEqualTo(431);
      assertThat(r.text()).contains("\"code\":\"http.headers_too_large\"");
      assertThat(r.header("Connection")).contains("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void answers431ToOneHugeHeaderLine() throws Exception {
    try (TestServer server = new TestServer(TestServer::echo);
        RawClient c = server.client()) {
      sendInBackground(
          c, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1 << 20) + "\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(431);
    }
  }

  @Test
  void answers414ToA100KilobyteUrl() throws Exception {
    try (TestServer server = new TestServer(TestServer::echo);
        RawClient c = server.client()) {
      sendInBackground(c, "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
      RawResponse r = c.read();
      assertThat(r.status()).isEqualTo(414);
      assertThat(r.text()).contains("\"code\":\"http.uri_too_long\"");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void requestLineLimitCountsTheLineEnding() throws Exception {
    try (TestServer server = new TestServer(TestServer::echo)) {
      // "GET /aaa HTTP/1.1\r\n" is 16 bytes plus the path's a's: 8192 bytes in all, then 8193.
      String fits = "GET /" + "a".repeat(8192 - 16) + " HTTP/1.1\r\n";
      assertThat(fits).hasSize(8192);
      assertThat(status(server, fits + "Host: x\r\n\r\n")).isEqualTo(200);
      String over = "GET /" + "a".repeat(8193 - 16) + " HTTP/1.1\r\n";
      assertThat(status(server, over + "Host: x\r\n\r\n")).isEqualTo(414);
    }
  }

  @Test
  void headerByteLimitCountsEveryLineEndingAndTheEmptyLine() throws Exception {
    try (TestServer server = new TestServer(TestServer::echo)) {
      // "Host: x\r\n" (9) + "X: <n>\r\n" (n + 5) + "\r\n" (2) = 16384 exactly.
      int n = 16384 - 9 - 5 - 2;
      String fits = "Host: x\r\nX: " + "v".repeat(n) + "\r\n\r\n";
      assertThat(fits).hasSize(16384);
      assertThat(status(server, "GET / HTTP/1.1\r\n" + fits)).isEqualTo(200);
      String over = "Host: x\r\nX: " + "v".repeat(n + 1) + "\r\n\r\n";
      assertThat(status(server, "GET / HTTP/1.1\r\n" + over)).isEqualTo(431);
    }
  }

  @Test
  void headerCountLimitIsExact() throws Exception {
    try (TestServer server = new TestServer(TestServer::echo)) {
      String hundred = "Host: x\r\n" + "X: 1\r\n".repeat(99);
      assertThat(status(server, "GET / HTTP/1.1\r\n" + hundred + "\r\n")).isEqualTo(200);
      try (RawClient c = server.client()) {
        RawResponse r = c.send("GET / HTTP/1.1\r\n" + hundred + "X: 1\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(431);
        assertThat(r.text()).contains("\"code\":\"http.too_many_headers\"");
      }
    }
  }

  @Test
  void cutsOffAClientThatTricklesItsHeadOneByteAtATime() throws Exception {
    // Each byte arrives well within the head timeout; only the deadline for the whole head can stop
    // this client. The read timeout of RawClient (10 s) fails the test if the server never does.
    ServerConfig config =
        TestServer.config()
            .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofSeconds(5));
    try (TestServer server = new TestServer(config, TestServer::echo);
        RawClient c = server.client()) {
      c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
      AtomicBoolean stop = new AtomicBoolean();
      Thread trickle =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (!stop.get()) {
                        c.send("a");
                        Thread.sleep(50);
                      }
                    } catch (IOException | InterruptedException e) {
                      // the server closed the connection
                    }
                  });
      try {
        RawResponse r = c.read();
        assertThat(r.status()).isEqualTo(408);
        assertThat(r.text()).contains("\"code\":\"http.request_timeout\"");
        assertThat(c.closedByServer()).isTrue();
      } finally {
        stop.set(true);
        trickle.join();
      }
    }
  }

  @Test
  void cutsOffABodyThatStalls() throws Exception {
    ServerConfig config =
        TestServer.config()
            .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofSeconds(5));
    try (TestServer server = new TestServer(config, TestServer::echo);
        RawClient c = server.client()) {
      RawResponse r = c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc").read();
      assertThat(r.status()).isEqualTo(408);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void closesAnIdleKeepAliveConnectionWithoutAWord() throws Exception {
    ServerConfig config =
        TestServer.config()
            .withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(200), Duration.ofSeconds(5));
    try (TestServer server = new TestServer(config, TestServer::echo);
        RawClient c = server.client()) {
      assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      assertThat(c.socket().getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aHandlerSlowerThanTheIdleTimeoutIsNotIdle() throws Exception {
    ServerConfig config =
        TestServer.config()
            .withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofSeconds(5));
    Handler slow =
        r -> {
          if (r.path().equals("/slow")) {
            Thread.sleep(300);
          }
          return TestServer.echo(r);
        };
    try (TestServer server = new TestServer(config, slow);
        RawClient c = server.client()) {
      assertThat(c.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      // The idle clock starts again after the response: the next request right away is served.
      assertThat(c.send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
    }
  }

  @Test
  void closesAConnectionThatNeverSendsARequest() throws Exception {
    ServerConfig config =
        TestServer.config()
            .withTimeouts(Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(5));
    try (TestServer server = new TestServer(config, TestServer::echo);
        RawClient c = server.client()) {
      assertThat(c.socket().getInputStream().read()).isEqualTo(-1);
    }
  }

  private static int status(TestServer server, String request) throws IOException {
    try (RawClient c = server.client()) {
      return c.send(request).read().status();
    }
  }

  /** Writes from another thread, so a server that answers early is not stuck behind our write. */
  private static void sendInBackground(RawClient c, String request) {
    byte[] bytes = request.getBytes(StandardCharsets.ISO_8859_1);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                c.send(bytes);
              } catch (IOException e) {
                // the server stopped reading, which is the point
              }
            });
  }
}
