package dev.tusk.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP/1.1 requests to an admin server on loopback, with timeouts. */
final class AdminClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  AdminClient(int port) {
    this.port = port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, HttpRequest.BodyPublishers.noBody());
  }

  HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** GET {@code path}, which must answer {@code status}, as JSON. */
  JsonNode json(String path, int status) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != status) {
      throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** GET /metrics, which must answer 200 with a scrape the strict parser accepts. */
  Scrape scrape() throws IOException, InterruptedException {
    HttpResponse<String> r = get("/metrics");
    if (r.statusCode() != 200) {
      throw new AssertionError("/metrics answered " + r.statusCode() + ": " + r.body());
    }
    return PromParser.parse(r.body());
  }

  static JsonNode parse(String json) throws IOException {
    return JSON.readTree(json);
  }

  @Override
  public void close() {
    http.close();
  }
}
