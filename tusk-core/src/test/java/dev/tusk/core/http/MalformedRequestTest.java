package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every framing and syntax rule, over a real socket: the status, the JSON error body, {@code
 * Connection: close}, the close itself, and that the server answers the next connection normally.
 */
class MalformedRequestTest {

  private static final String H = "Host: x\r\n";
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(TestServer::echo);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        // request smuggling: ambiguous body length
        bad(
            "CL and TE",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
            400,
            "http.ambiguous_length"),
        bad(
            "TE and CL",
            "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
            400,
            "http.ambiguous_length"),
        bad(
            "differing CL fields",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nabcdef",
            400,
            "http.ambiguous_length"),
        bad(
            "differing CL list",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 5, 6\r\n\r\nabcdef",
            400,
            "http.ambiguous_length"),
        bad(
            "non-numeric CL",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: abc\r\n\r\n",
            400,
            "http.bad_content_length"),
        bad(
            "negative CL",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: -1\r\n\r\n",
            400,
            "http.bad_content_length"),
        bad(
            "signed CL",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: +5\r\n\r\nabcde",
            400,
            "http.bad_content_length"),
        bad(
            "hex CL",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 0x5\r\n\r\nabcde",
            400,
            "http.bad_content_length"),
        bad(
            "empty CL",
            "POST / HTTP/1.1\r\n" + H + "Content-Length:\r\n\r\n",
            400,
            "http.bad_content_length"),
        bad(
            "TE gzip",
            "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: gzip\r\n\r\n",
            501,
            "http.transfer_encoding_not_supported"),
        bad(
            "TE gzip, chunked",
            "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: gzip, chunked\r\n\r\n",
            501,
            "http.transfer_encoding_not_supported"),
        bad(
            "TE chunked twice",
            "POST / HTTP/1.1\r\n"
                + H
                + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            501,
            "http.transfer_encoding_not_supported"),
        bad(
            "TE xchunked",
            "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: xchunked\r\n\r\n",
            501,
            "http.transfer_encoding_not_supported"),
        bad(
            "TE in HTTP/1.0",
            "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            400,
            "http.bad_transfer_encoding"),
        // header syntax
        bad(
            "obs-fold",
            "GET / HTTP/1.1\r\n" + H + "X-A: a\r\n  folded\r\n\r\n",
            400,
            "http.obs_fold"),
        bad(
            "obs-fold tab",
            "GET / HTTP/1.1\r\n" + H + "X-A: a\r\n\tfolded\r\n\r\n",
            400,
            "http.obs_fold"),
        bad("space before first header", "GET / HTTP/1.1\r\n " + H + "\r\n", 400, "http.obs_fold"),
        bad(
            "space before colon",
            "GET / HTTP/1.1\r\n" + H + "X-A : a\r\n\r\n",
            400,
            "http.bad_header"),
        bad(
            "tab before colon",
            "GET / HTTP/1.1\r\n" + H + "X-A\t: a\r\n\r\n",
            400,
            "http.bad_header"),
        bad(
            "CL space before colon",
            "POST / HTTP/1.1\r\n" + H + "Content-Length : 3\r\n\r\nabc",
            400,
            "http.bad_header"),
        bad("no colon", "GET / HTTP/1.1\r\n" + H + "X-A a\r\n\r\n", 400, "http.bad_header"),
        bad("empty name", "GET / HTTP/1.1\r\n" + H + ": a\r\n\r\n", 400, "http.bad_header"),
        bad(
            "name not a token",
            "GET / HTTP/1.1\r\n" + H + "X(A): a\r\n\r\n",
            400,
            "http.bad_header"),
        bad(
            "control char in value",
            "GET / HTTP/1.1\r\n" + H + "X-A: a\u0001b\r\n\r\n",
            400,
            "http.bad_header"),
        bad(
            "NUL in value",
            "GET / HTTP/1.1\r\n" + H + "X-A: a\u0000b\r\n\r\n",
            400,
            "http.bad_header"),
        bad(
            "DEL in value",
            "GET / HTTP/1.1\r\n" + H + "X-A: a\u007fb\r\n\r\n",
            400,
            "http.bad_header"),
        bad(
            "bare CR in value",
            "GET / HTTP/1.1\r\n" + H + "X-A: a\rb\r\n\r\n",
            400,
            "http.bad_header"),
        bad("CR CR LF", "GET / HTTP/1.1\r\n" + H + "X-A: a\r\r\n\r\n", 400, "http.bad_header"),
        bad("no Host in 1.1", "GET / HTTP/1.1\r\n\r\n", 400, "http.bad_host"),
        bad("two Hosts", "GET / HTTP/1.1\r\n" + H + H + "\r\n", 400, "http.bad_host"),
        // request line
        bad("method not a token", "G@T / HTTP/1.1\r\n" + H + "\r\n", 400, "http.bad_method"),
        bad("empty method", " / HTTP/1.1\r\n" + H + "\r\n", 400, "http.bad_method"),
        bad(
            "absolute-form target",
            "GET http://x/ HTTP/1.1\r\n" + H + "\r\n",
            400,
            "http.bad_target"),
        bad(
            "authority-form target",
            "CONNECT x:443 HTTP/1.1\r\n" + H + "\r\n",
            400,
            "http.bad_target"),
        bad("asterisk for GET", "GET * HTTP/1.1\r\n" + H + "\r\n", 400, "http.bad_target"),
        bad("non-ASCII in target", "GET /\u00e9 HTTP/1.1\r\n" + H + "\r\n", 400, "http.bad_target"),
        bad("DEL in target", "GET /a\u007f HTTP/1.1\r\n" + H + "\r\n", 400, "http.bad_target"),
        bad("CR in target", "GET /a\rb HTTP/1.1\r\n" + H + "\r\n", 400, "http.bad_target"),
        bad("double space", "GET  / HTTP/1.1\r\n" + H + "\r\n", 400, "http.bad_version"),
        bad("trailing space", "GET / HTTP/1.1 \r\n" + H + "\r\n", 400, "http.bad_version"),
        bad("no version", "GET /\r\n" + H + "\r\n", 400, "http.bad_request_line"),
        bad("lower-case version", "GET / http/1.1\r\n" + H + "\r\n", 400, "http.bad_version"),
        bad("garbage version", "GET / HTTP/one\r\n" + H + "\r\n", 400, "http.bad_version"),
        bad("HTTP/2.0", "GET / HTTP/2.0\r\n" + H + "\r\n", 505, "http.version_not_supported"),
        bad("HTTP/1.2", "GET / HTTP/1.2\r\n" + H + "\r\n", 505, "http.version_not_supported"),
        bad("HTTP/0.9", "GET / HTTP/0.9\r\n" + H + "\r\n", 505, "http.version_not_supported"),
        bad("h2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505, "http.version_not_supported"),
        bad(
            "five empty lines",
            "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n" + H + "\r\n",
            400,
            "http.bad_request_line"),
        bad(
            "TLS hello",
            "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n",
            400,
            "http.bad_request_line"),
        // expectations and size
        bad(
            "unknown expectation",
            "POST / HTTP/1.1\r\n" + H + "Expect: 200-ok\r\nContent-Length: 1\r\n\r\nx",
            417,
            "http.expectation_failed"),
        bad(
            "CL over the limit",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 999999999999\r\n\r\n",
            413,
            "http.body_too_large"),
        bad(
            "CL beyond a long",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 99999999999999999999999\r\n\r\n",
            413,
            "http.body_too_large"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWithJsonErrorAndCloses(String name, String request, int status, String code)
      throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send(request).read();
      assertThat(r.status()).isEqualTo(status);
      assertThat(r.header("Connection")).contains("close");
      assertThat(r.header("Content-Type")).contains("application/json");
      assertThat(r.header("Content-Length")).contains(Integer.toString(r.body().length));
      JsonNode json = new ObjectMapper().readTree(r.body());
      assertThat(json.properties()).hasSize(2);
      assertThat(json.get("code").asText()).isEqualTo(code);
      assertThat(json.get("message").asText()).isNotBlank();
      assertThat(c.closedByServer()).isTrue();
    }
    assertServerStillAnswers();
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        ok("OPTIONS *", "OPTIONS * HTTP/1.1\r\n" + H + "\r\n", "OPTIONS * HTTP/1.1 0 "),
        ok(
            "bare LF lines",
            "GET /lf HTTP/1.1\n" + H.replace("\r", "") + "\n",
            "GET /lf HTTP/1.1 0 "),
        ok("one leading CRLF", "\r\nGET /x HTTP/1.1\r\n" + H + "\r\n", "GET /x HTTP/1.1 0 "),
        ok(
            "HTTP/1.0 without Host",
            "GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
            "GET /old HTTP/1.0 0 "),
        ok(
            "repeated equal CL",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
            "POST / HTTP/1.1 3 abc"),
        ok(
            "equal CL list",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 3, 3\r\n\r\nabc",
            "POST / HTTP/1.1 3 abc"),
        ok(
            "CL with leading zeros",
            "POST / HTTP/1.1\r\n" + H + "Content-Length: 003\r\n\r\nabc",
            "POST / HTTP/1.1 3 abc"),
        ok(
            "TE in other case",
            "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: Chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
            "POST / HTTP/1.1 3 abc"),
        ok(
            "obs-text in value",
            "GET / HTTP/1.1\r\n" + H + "X-A: caf\u00e9\r\n\r\n",
            "GET / HTTP/1.1 0 "),
        ok("extension method", "PURGE /p HTTP/1.1\r\n" + H + "\r\n", "PURGE /p HTTP/1.1 0 "),
        ok(
            "raw target kept",
            "GET /a%2Fb/c?x=%20y&t=cs.{1,2}|z HTTP/1.1\r\n" + H + "\r\n",
            "GET /a%2Fb/c?x=%20y&t=cs.{1,2}|z HTTP/1.1 0 "),
        ok(
            "100-continue in 1.0 ignored",
            "POST / HTTP/1.0\r\nConnection: keep-alive\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nz",
            "POST / HTTP/1.0 1 z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void acceptsAndKeepsTheConnection(String name, String request, String echo) throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send(request).read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo(echo);
      assertThat(r.header("Connection")).isNotEqualTo(Optional.of("close"));
      RawResponse again = c.send("GET /again HTTP/1.1\r\n" + H + "\r\n").read();
      assertThat(again.text()).isEqualTo("GET /again HTTP/1.1 0 ");
    }
  }

  private static void assertServerStillAnswers() throws Exception {
    try (RawClient c = server.client()) {
      RawResponse r = c.send("GET /next HTTP/1.1\r\n" + H + "\r\n").read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.text()).isEqualTo("GET /next HTTP/1.1 0 ");
    }
  }

  private static Arguments bad(String name, String request, int status, String code) {
    return Arguments.of(name, request, status, code);
  }

  private static Arguments ok(String name, String request, String echo) {
    return Arguments.of(name, request, echo);
  }
}
