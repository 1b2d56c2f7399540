package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A pluggable renderer writes the bodies of the server's own answers; the status, the framing and
 * the decision to close stay the server's. Without one, the bodies are the default {@code
 * {"code","message"}}.
 */
class ErrorRendererTest {

  /** Records what it was asked to render and answers {@code status|code} as text/plain. */
  private static final class Recording implements ErrorRenderer {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Rendered render(int status, String code, String message) {
      calls.add(status + " " + code + " " + message);
      return new Rendered(
          "text/plain; charset=utf-8", (status + "|" + code).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static ServerConfig small(ErrorRenderer renderer) {
    return TestServer.config().withLimits(256, 512, 10, 16).withErrorRenderer(renderer);
  }

  @Test
  void theDefaultKeepsTheServersOwnShape() {
    ErrorRenderer.Rendered r = ErrorRenderer.DEFAULT.render(413, "http.x", "a \"quoted\"\n thing");
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"code\":\"http.x\",\"message\":\"a \\\"quoted\\\"\\u000a thing\"}");
    assertThat(TestServer.config().errorRenderer()).isSameAs(ErrorRenderer.DEFAULT);
  }

  @Test
  void rendersEveryRefusalBeforeTheHandler() throws Exception {
    Recording renderer = new Recording();
    try (TestServer server = new TestServer(small(renderer), TestServer::echo)) {
      assertRendered(
          server,
          "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n" + "b".repeat(17),
          413,
          "http.body_too_large");
      assertRendered(
          server,
          "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n11\r\n"
              + "b".repeat(17)
              + "\r\n0\r\n\r\n",
          413,
          "http.body_too_large");
      assertRendered(
          server,
          "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
          400,
          "http.bad_chunk");
      assertRendered(
          server,
          "GET /" + "a".repeat(300) + " HTTP/1.1\r\nHost: x\r\n\r\n",
          414,
          "http.uri_too_long");
      assertRendered(
          server,
          "GET / HTTP/1.1\r\nHost: x\r\nX: " + "v".repeat(600) + "\r\n\r\n",
          431,
          "http.headers_too_large");
      assertRendered(server, "GET\r\n\r\n", 400, "http.bad_request_line");
      assertRendered(server, "GET / HTTP/1.1\r\nHost x\r\n\r\n", 400, "http.bad_header");
    }
    assertThat(renderer.calls).hasSize(7);
    assertThat(renderer.calls.get(0)).startsWith("413 http.body_too_large ");
  }

  @Test
  void rendersTimeoutsFailuresAndOverload() throws Exception {
    Recording renderer = new Recording();
    ServerConfig config =
        TestServer.config()
            .withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(60), Duration.ofSeconds(5))
            .withMaxConnections(1)
            .withErrorRenderer(renderer);
    Handler handler =
        r -> {
          if (r.path().equals("/throw")) {
            throw new IllegalStateException("boom");
          }
          return TestServer.echo(r);
        };
    try (TestServer server = new TestServer(config, handler)) {
      try (RawClient c = server.client()) {
        RawResponse stalled =
            c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc").read();
        assertThat(stalled.status()).isEqualTo(408);
        assertThat(stalled.text()).isEqualTo("408|http.request_timeout");
      }
      ConcurrencyTest.awaitOpenConnections(server, 0);
      try (RawClient c = server.client()) {
        RawResponse failed = c.send("GET /throw HTTP/1.1\r\nHost: x\r\n\r\n").read();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.text()).isEqualTo("500|http.internal_error");
        // The connection survived the handler's failure; a second one is over the limit.
        try (RawClient over = server.client()) {
          RawResponse busy = over.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
          assertThat(busy.status()).isEqualTo(503);
          assertThat(busy.header("Retry-After")).contains("1");
          assertThat(busy.header("Content-Type")).contains("text/plain; charset=utf-8");
          assertThat(busy.text()).isEqualTo("503|http.overloaded");
        }
      }
    }
  }

  @Test
  void aRendererThatFailsFallsBackToTheDefault() throws Exception {
    ErrorRenderer throwing =
        (status, code, message) -> {
          throw new IllegalStateException("renderer bug");
        };
    ErrorRenderer splitting =
        (status, code, message) ->
            new ErrorRenderer.Rendered("text/plain\r\nX-Evil: 1", new byte[0]);
    for (ErrorRenderer broken : List.of(throwing, splitting)) {
      try (TestServer server = new TestServer(small(broken), TestServer::echo);
          RawClient c = server.client()) {
        RawResponse r =
            c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n" + "b".repeat(17))
                .read();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).contains("application/json");
        assertThat(r.header("X-Evil")).isEmpty();
        assertThat(r.text()).contains("\"code\":\"http.body_too_large\"");
        assertThat(c.closedByServer()).isTrue();
      }
    }
  }

  private static void assertRendered(TestServer server, String request, int status, String code)
      throws IOException {
    try (RawClient c = server.client()) {
      sendInBackground(c, request);
      RawResponse r = c.read();
      assertThat(r.status()).as(request).isEqualTo(status);
      assertThat(r.header("Content-Type")).contains("text/plain; charset=utf-8");
      assertThat(r.text()).isEqualTo(status + "|" + code);
      assertThat(r.header("Connection")).contains("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

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
