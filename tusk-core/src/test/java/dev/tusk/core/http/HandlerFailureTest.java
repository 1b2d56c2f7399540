package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A handler or a streamed body that fails: what the client sees, what is logged. */
class HandlerFailureTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    Handler handler =
        r ->
            switch (r.path()) {
              case "/throw" -> throw new IllegalStateException("secret: password=hunter2");
              case "/checked" -> throw new IOException("checked failure");
              case "/null" -> null;
              case "/stream-fails" ->
                  Response.streamed(
                      200,
                      Headers.empty(),
                      -1,
                      out -> {
                        out.write("partial".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        throw new IllegalStateException("database went away");
                      });
              case "/short" ->
                  Response.streamed(200, Headers.empty(), 10, out -> out.write(new byte[4]));
              case "/long" ->
                  Response.streamed(200, Headers.empty(), 2, out -> out.write(new byte[4]));
              default -> TestServer.echo(r);
            };
    server = new TestServer(TestServer.config(), handler);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void answers500WithAGenericBodyAndKeepsTheConnection() throws Exception {
    int before = server.logged.size();
    try (RawClient c = server.client()) {
      RawResponse r =
          c.send("POST /throw HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi").read();
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.text())
          .isEqualTo(
              "{\"code\":\"http.internal_error\",\"message\":\"the server failed to answer this"
                  + " request\"}");
      assertThat(r.header("Connection")).isEmpty();
      assertThat(c.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n").read().text())
          .isEqualTo("GET /ok HTTP/1.1 0 ");
    }
    assertThat(server.logged.subList(before, server.logged.size()))
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessage("secret: password=hunter2"));
  }

  @Test
  void checkedExceptionsAndNullResponsesAre500Too() throws Exception {
    int before = server.logged.size();
    try (RawClient c = server.client()) {
      assertThat(c.send("GET /checked HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(500);
      assertThat(c.send("GET /null HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(500);
    }
    assertThat(server.logged.subList(before, server.logged.size()))
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).isInstanceOf(IOException.class))
        .anySatisfy(e -> assertThat(e).hasMessageContaining("no response"));
  }

  @Test
  void aStreamedBodyThatFailsEndsTheConnectionWithoutTheLastChunk() throws Exception {
    int before = server.logged.size();
    try (RawClient c = server.client()) {
      c.send("GET /stream-fails HTTP/1.1\r\nHost: x\r\n\r\n");
      // The head and the first chunk arrived, the terminating chunk never does: the client can
      // tell the body is incomplete.
      String raw =
          new String(c.socket().getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(raw).startsWith("HTTP/1.1 200 OK\r\n").contains("\r\n\r\n7\r\npartial\r\n");
      assertThat(raw).doesNotContain("\r\n0\r\n\r\n");
    }
    assertThat(server.logged.subList(before, server.logged.size()))
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessage("database went away"));
  }

  @Test
  void aStreamedBodyThatFailsBeforeSendingAnythingBecomesA500() throws Exception {
    // Neither body reaches the socket before the length check fails (both fit the write buffer),
    // so the server can still answer 500 and keep the connection in step.
    int before = server.logged.size();
    try (RawClient c = server.client()) {
      assertThat(c.send("GET /short HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(500);
      RawResponse r = c.send("GET /long HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.text()).contains("http.internal_error");
      assertThat(c.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
    }
    assertThat(server.logged.subList(before, server.logged.size()))
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).hasMessageContaining("wrote 4 of its declared 10"))
        .anySatisfy(e -> assertThat(e).hasMessageContaining("longer than its declared length"));
  }
}
