package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Response bodies written while they are sent, and large byte[] bodies. */
class StreamingTest {

  private static final byte[] BIG = pattern(1_000_003);
  private static TestServer server;

  @BeforeAll
  static void start() {
    Handler handler =
        r ->
            switch (r.path()) {
              case "/chunked" -> Response.streamed(200, Headers.empty(), -1, out -> out.write(BIG));
              case "/bytewise" ->
                  Response.streamed(
                      200,
                      Headers.empty(),
                      -1,
                      out -> {
                        for (int i = 0; i < 10_000; i++) {
                          out.write('0' + i % 10);
                        }
                        out.close(); // closing the stream must not close the connection
                      });
              case "/sized" ->
                  Response.streamed(200, Headers.empty(), BIG.length, out -> out.write(BIG));
              case "/empty" -> Response.streamed(200, Headers.empty(), -1, out -> {});
              case "/bytes" -> Response.of(200, Headers.empty(), BIG);
              default -> TestServer.echo(r);
            };
    server = new TestServer(handler);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void streamsChunkedAndSizedBodiesToTheJdkClient() throws Exception {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      for (String path : new String[] {"/chunked", "/sized", "/bytes"}) {
        HttpResponse<byte[]> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.body()).as(path).isEqualTo(BIG);
      }
    }
  }

  @Test
  void framesChunksAndKeepsTheConnection() throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send("GET /chunked HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(r.header("Transfer-Encoding")).contains("chunked");
      assertThat(r.header("Content-Length")).isEmpty();
      assertThat(r.body()).isEqualTo(BIG);
      RawResponse bytewise = c.send("GET /bytewise HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(bytewise.text()).hasSize(10_000).startsWith("0123456789012");
      RawResponse empty = c.send("GET /empty HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(empty.body()).isEmpty();
      RawResponse sized = c.send("GET /sized HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(sized.header("Content-Length")).contains(Integer.toString(BIG.length));
      assertThat(sized.body()).isEqualTo(BIG);
    }
  }

  @Test
  void sendsAnUnknownLengthToHttp10UntilClose() throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send("GET /bytewise HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
      assertThat(r.header("Transfer-Encoding")).isEmpty();
      assertThat(r.header("Content-Length")).isEmpty();
      assertThat(r.header("Connection")).contains("close");
      assertThat(r.text()).hasSize(10_000);
    }
  }

  private static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + (i >> 8));
    }
    return b;
  }
}
