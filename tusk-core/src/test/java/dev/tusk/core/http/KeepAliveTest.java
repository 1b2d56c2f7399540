package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Persistent connections, pipelining, HTTP/1.0, and what every response carries. */
class KeepAliveTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(TestServer::echo);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void servesManyRequestsOnOneHttp11Connection() throws Exception {
    try (RawClient c = server.client()) {
      for (int i = 0; i < 5; i++) {
        RawResponse r = c.send("GET /" + i + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
        assertThat(r.text()).isEqualTo("GET /" + i + " HTTP/1.1 0 ");
        assertThat(r.header("Connection")).isEmpty();
      }
    }
  }

  @Test
  void answersPipelinedRequestsInOrder() throws Exception {
    try (RawClient c = server.client()) {
      c.send(
          "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
              + "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
              + "POST /3 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n"
              + "HEAD /4 HTTP/1.1\r\nHost: x\r\n\r\n"
              + "GET /5 HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(c.read().text()).isEqualTo("GET /1 HTTP/1.1 0 ");
      assertThat(c.read().text()).isEqualTo("POST /2 HTTP/1.1 5 hello");
      assertThat(c.read().text()).isEqualTo("POST /3 HTTP/1.1 2 hi");
      assertThat(c.read(true).header("Content-Length")).contains("19"); // "HEAD /4 HTTP/1.1 0 "
      assertThat(c.read().text()).isEqualTo("GET /5 HTTP/1.1 0 ");
    }
  }

  @Test
  void stopsAfterAPipelinedConnectionClose() throws Exception {
    try (RawClient c = server.client()) {
      c.send(
          "GET /1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
              + "GET /2 HTTP/1.1\r\nHost: x\r\n\r\n");
      RawResponse r = c.read();
      assertThat(r.text()).isEqualTo("GET /1 HTTP/1.1 0 ");
      assertThat(r.header("Connection")).contains("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void honoursCloseInAConnectionList() throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r =
          c.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Close\r\n\r\n").read();
      assertThat(r.header("Connection")).contains("close");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void closesHttp10UnlessAskedToKeepAlive() throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send("GET /a HTTP/1.0\r\n\r\n").read();
      assertThat(r.text()).isEqualTo("GET /a HTTP/1.0 0 ");
      assertThat(r.header("Connection")).contains("close");
      assertThat(c.closedByServer()).isTrue();
    }
    try (RawClient c = server.client()) {
      RawResponse r = c.send("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
      assertThat(r.header("Connection")).contains("keep-alive");
      assertThat(r.statusLine()).startsWith("HTTP/1.1 200 ");
      RawResponse again = c.send("GET /c HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
      assertThat(again.text()).isEqualTo("GET /c HTTP/1.0 0 ");
    }
  }

  @Test
  void everyResponseHasDateAndContentLength() throws Exception {
    Clock fixed = Clock.fixed(Instant.parse("2024-03-05T07:08:09.750Z"), ZoneOffset.UTC);
    ServerConfig config = ServerConfig.defaults("127.0.0.1", 0, fixed);
    try (TestServer s = new TestServer(config, r -> Response.empty(201));
        RawClient c = s.client()) {
      RawResponse r = c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(r.statusLine()).isEqualTo("HTTP/1.1 201 Created");
      assertThat(r.header("Date")).contains("Tue, 05 Mar 2024 07:08:09 GMT");
      assertThat(r.header("Content-Length")).contains("0");
    }
  }

  @Test
  void keepsTheHandlersDateAndReasonAndHeaderOrder() throws Exception {
    Handler handler =
        r ->
            new Response(
                299,
                Optional.of("Fine Indeed"),
                Headers.of(
                    "Set-Cookie",
                    "a=1",
                    "Date",
                    "Mon, 01 Jan 2001 00:00:00 GMT",
                    "Set-Cookie",
                    "b=2"),
                Body.of(new byte[] {1, 2, 3}));
    try (TestServer s = new TestServer(handler);
        RawClient c = s.client()) {
      RawResponse r = c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(r.statusLine()).isEqualTo("HTTP/1.1 299 Fine Indeed");
      assertThat(r.headers().get("set-cookie")).containsExactly("a=1", "b=2");
      assertThat(r.headers().get("date")).containsExactly("Mon, 01 Jan 2001 00:00:00 GMT");
      assertThat(r.body()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void servesAJdkHttpClient() throws Exception {
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/q?x=%41"))
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("body" + i))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("POST /q?x=%41 HTTP/1.1 5 body" + i);
      }
    }
  }
}
