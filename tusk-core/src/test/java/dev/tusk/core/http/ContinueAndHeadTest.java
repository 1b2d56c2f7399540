package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Expect: 100-continue} and HEAD. */
class ContinueAndHeadTest {

  private static final AtomicInteger streamedWrites = new AtomicInteger();
  private static TestServer server;

  @BeforeAll
  static void start() {
    Handler handler =
        r ->
            switch (r.path()) {
              case "/stream" ->
                  Response.streamed(
                      200,
                      Headers.of("Content-Type", "text/csv"),
                      -1,
                      out -> {
                        streamedWrites.incrementAndGet();
                        out.write("a,b\n".getBytes(StandardCharsets.US_ASCII));
                      });
              case "/sized" ->
                  Response.streamed(
                      200, Headers.empty(), 4, out -> out.write(new byte[] {'a', ',', 'b', '\n'}));
              default -> TestServer.echo(r);
            };
    server = new TestServer(TestServer.config().withLimits(8192, 16384, 100, 100), handler);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void sendsContinueBeforeReadingTheBody() throws Exception {
    try (RawClient c = server.client()) {
      c.send("POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
      RawResponse interim = c.read();
      assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");
      assertThat(interim.headers()).isEmpty();
      RawResponse r = c.send("hello").read();
      assertThat(r.text()).isEqualTo("POST /up HTTP/1.1 5 hello");
    }
  }

  @Test
  void sendsContinueForAChunkedBody() throws Exception {
    try (RawClient c = server.client()) {
      c.send(
          "POST /up HTTP/1.1\r\nHost: x\r\nExpect: 100-Continue\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n");
      assertThat(c.read().status()).isEqualTo(100);
      assertThat(c.send("2\r\nok\r\n0\r\n\r\n").read().text()).isEqualTo("POST /up HTTP/1.1 2 ok");
    }
  }

  @Test
  void answers413InsteadOfContinueWhenTheBodyIsTooLarge() throws Exception {
    try (RawClient c = server.client()) {
      c.send("POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 101\r\n\r\n");
      RawResponse r = c.read();
      assertThat(r.status()).isEqualTo(413);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void sendsNoContinueWithoutABody() throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send("GET /g HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n").read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("GET /g HTTP/1.1 0 ");
    }
  }

  @Test
  void worksWithTheJdkClientsExpectContinue() throws Exception {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/e"))
                  .timeout(Duration.ofSeconds(10))
                  .expectContinue(true)
                  .POST(HttpRequest.BodyPublishers.ofString("data"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).isEqualTo("POST /e HTTP/1.1 4 data");
    }
  }

  @Test
  void headGetsTheLengthOfGetButNoBody() throws Exception {
    try (RawClient c = server.client()) {
      RawResponse get = c.send("GET /h HTTP/1.1\r\nHost: x\r\n\r\n").read();
      RawResponse head = c.send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Length"))
          .contains(Integer.toString(get.text().replace("GET", "HEAD").length()));
      assertThat(head.header("Content-Type")).contains("text/plain");
      // Had the server sent a body, this would read it as the next status line and fail.
      assertThat(c.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n").read().text())
          .isEqualTo("GET /after HTTP/1.1 0 ");
    }
  }

  @Test
  void headOfAStreamedBodyNeverRunsTheWriter() throws Exception {
    int before = streamedWrites.get();
    try (RawClient c = server.client()) {
      RawResponse head = c.send("HEAD /stream HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
      assertThat(head.header("Transfer-Encoding")).contains("chunked");
      assertThat(head.header("Content-Length")).isEmpty();
      RawResponse sized = c.send("HEAD /sized HTTP/1.1\r\nHost: x\r\n\r\n").read(true);
      assertThat(sized.header("Content-Length")).contains("4");
      assertThat(c.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n").read().text())
          .isEqualTo("a,b\n");
    }
    assertThat(streamedWrites.get()).isEqualTo(before + 1);
  }

  @Test
  void headWithTheJdkClient() throws Exception {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x"))
                  .timeout(Duration.ofSeconds(10))
                  .HEAD()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-length")).contains("19");
      assertThat(r.body()).isEmpty();
    }
  }
}
