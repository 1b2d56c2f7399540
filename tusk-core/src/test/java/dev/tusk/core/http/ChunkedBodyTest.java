package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chunked request bodies: what is accepted, what is malformed, what is too large. */
class ChunkedBodyTest {

  private static final String HEAD =
      "POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        new TestServer(TestServer.config().withLimits(8192, 16384, 100, 1024), TestServer::echo);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> wellFormed() {
    return Stream.of(
        Arguments.of("one chunk", "3\r\nabc\r\n0\r\n\r\n", "abc"),
        Arguments.of("several chunks", "1\r\na\r\n2\r\nbc\r\n3\r\ndef\r\n0\r\n\r\n", "abcdef"),
        Arguments.of("empty body", "0\r\n\r\n", ""),
        Arguments.of("upper-case hex", "A\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
        Arguments.of("lower-case hex", "a\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
        Arguments.of("leading zeros", "0003\r\nabc\r\n000\r\n\r\n", "abc"),
        Arguments.of("extensions", "3;name=value;x\r\nabc\r\n0;last\r\n\r\n", "abc"),
        Arguments.of("whitespace before extension", "3 \t;x=\"q\"\r\nabc\r\n0\r\n\r\n", "abc"),
        Arguments.of("trailers ignored", "3\r\nabc\r\n0\r\nX-T: 1\r\nY: 2\r\n\r\n", "abc"),
        Arguments.of(
            "exactly the limit", "400\r\n" + "x".repeat(1024) + "\r\n0\r\n\r\n", "x".repeat(1024)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wellFormed")
  void readsWellFormedBodies(String name, String body, String expected) throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send(HEAD + body).read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("POST /c HTTP/1.1 " + expected.length() + " " + expected);
      // The body ended where the framing said: the next request on the connection parses.
      assertThat(c.send("GET /n HTTP/1.1\r\nHost: x\r\n\r\n").read().text())
          .isEqualTo("GET /n HTTP/1.1 0 ");
    }
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        bad("empty size", "\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("not hex", "x\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("negative", "-1\r\na\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("0x prefix", "0x3\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("space before size", " 3\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("space after size", "3 \r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("space inside size", "1 0\r\n0123456789abcdef\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("17 hex digits", "00000000000000003\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("size wraps negative", "ffffffffffffffff\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("bare LF after size", "3\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("bare LF after last chunk", "3\r\nabc\r\n0\n\r\n", 400, "http.bad_chunk"),
        bad("bare LF ending trailers", "3\r\nabc\r\n0\r\n\n", 400, "http.bad_chunk"),
        bad("data longer than size", "3\r\nabcd\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("data shorter than size", "4\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("bare LF after data", "3\r\nabc\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("control char in extension", "3;\u0001\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad("bare CR in extension", "3;a\rb\r\nabc\r\n0\r\n\r\n", 400, "http.bad_chunk"),
        bad(
            "chunk line too long",
            "3;" + "x".repeat(5000) + "\r\nabc\r\n0\r\n\r\n",
            400,
            "http.bad_chunk"),
        bad("malformed trailer", "3\r\nabc\r\n0\r\nX-T : 1\r\n\r\n", 400, "http.bad_header"),
        bad("folded trailer", "3\r\nabc\r\n0\r\nX-T: 1\r\n 2\r\n\r\n", 400, "http.obs_fold"),
        bad(
            "trailers too large",
            "0\r\n" + "X-T: 1\r\n".repeat(3000) + "\r\n",
            431,
            "http.headers_too_large"),
        bad(
            "one chunk over the limit",
            "401\r\n" + "x".repeat(1025) + "\r\n0\r\n\r\n",
            413,
            "http.body_too_large"),
        bad(
            "chunks add up over the limit",
            "300\r\n" + "x".repeat(768) + "\r\n101\r\n" + "x".repeat(257) + "\r\n0\r\n\r\n",
            413,
            "http.body_too_large"),
        bad(
            "size beyond any limit",
            "fffffffffffffff\r\nabc\r\n0\r\n\r\n",
            413,
            "http.body_too_large"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesMalformedBodies(String name, String body, int status, String code) throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send(HEAD + body).read();
      assertThat(r.status()).isEqualTo(status);
      assertThat(r.text()).contains("\"code\":\"" + code + "\"");
      assertThat(r.header("Connection")).contains("close");
      assertThat(c.closedByServer()).isTrue();
    }
    try (RawClient c = server.client()) {
      assertThat(c.send("GET /n HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
    }
  }

  @Test
  void refusesAnOversizeChunkBeforeItsDataArrives() throws Exception {
    try (RawClient c = server.client()) {
      // A 1 MiB chunk is announced and only three bytes of it are sent: the answer cannot wait for
      // the rest.
      RawResponse r = c.send(HEAD + "100000\r\nabc").read();
      assertThat(r.status()).isEqualTo(413);
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void refusesAnOversizeContentLengthBeforeTheBodyArrives() throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r =
          c.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\nabc").read();
      assertThat(r.status()).isEqualTo(413);
      assertThat(r.text()).contains("http.body_too_large");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  private static Arguments bad(String name, String body, int status, String code) {
    return Arguments.of(name, body, status, code);
  }
}
