package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * java.net.http against a running {@link RestServer}, and the check every error answer must pass:
 * PostgREST's four fields, exactly, with the expected status and code.
 */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;

  ApiClient(RestServer server) {
    this.port = server.port();
  }

  /** {@code headers} alternate names and values; {@code body} null for none. */
  HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> send(String method, String path, byte[] body, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String... headers) throws Exception {
    return send("GET", path, (byte[]) null, headers);
  }

  RawHttp.Answer raw(String request) throws Exception {
    return RawHttp.exchange(port, request);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** The body is exactly PostgREST's four fields, with {@code code}; returns it. */
  static JsonNode assertProblem(int status, String code, int actualStatus, String body)
      throws Exception {
    assertThat(actualStatus).as(body).isEqualTo(status);
    JsonNode n = JSON.readTree(body);
    List<String> fields = new ArrayList<>();
    n.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).as(body).containsExactlyInAnyOrder("code", "message", "details", "hint");
    assertThat(n.get("code").asText()).as(body).isEqualTo(code);
    assertThat(n.get("message").isTextual()).as(body).isTrue();
    assertThat(n.get("message").asText()).as(body).isNotBlank();
    assertThat(n.get("details").isTextual() || n.get("details").isNull()).as(body).isTrue();
    assertThat(n.get("hint").isTextual() || n.get("hint").isNull()).as(body).isTrue();
    return n;
  }

  static JsonNode assertProblem(int status, String code, RawHttp.Answer a) throws Exception {
    assertThat(a.header("Content-Type")).as(a.text()).hasValue("application/json; charset=utf-8");
    return assertProblem(status, code, a.status(), a.text());
  }

  static JsonNode assertProblem(int status, String code, HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type"))
        .as(r.body())
        .hasValue("application/json; charset=utf-8");
    return assertProblem(status, code, r.statusCode(), r.body());
  }
}
