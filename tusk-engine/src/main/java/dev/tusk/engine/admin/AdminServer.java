package dev.tusk.engine.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.http.Headers;
import dev.tusk.core.http.HttpServer;
import dev.tusk.core.http.Request;
import dev.tusk.core.http.Response;
import dev.tusk.core.http.ServerConfig;
import dev.tusk.core.metrics.PromText;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The admin HTTP server: {@code /live}, {@code /ready}, {@code /status} and {@code /metrics}
 * (Patroni's port and conventions), on Tusk's own HTTP server, so it has the same limits and
 * timeouts against hostile clients as the REST API.
 */
public final class AdminServer implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HttpServer server;

  /** Binds and starts; {@code metrics} appends every metric family to a scrape. */
  public AdminServer(String listen, int port, Health health, Consumer<PromText> metrics) {
    ServerConfig config =
        ServerConfig.defaults(listen, port, Clock.systemUTC())
            .withLimits(8 * 1024, 16 * 1024, 100, 64 * 1024);
    try {
      server =
          new HttpServer(config, request -> handle(request, health, metrics), (r, e) -> {}).start();
    } catch (OperationException e) {
      throw new OperationException(
          "admin.bind_failed",
          "admin.port " + port + " on " + listen + " is not available: " + e.getMessage(),
          "choose another port with admin.port or TUSK_ADMIN_PORT",
          e);
    }
  }

  public int port() {
    return server.port();
  }

  private static Response handle(Request request, Health health, Consumer<PromText> metrics) {
    try {
      return route(request, health, metrics);
    } catch (RuntimeException | JsonProcessingException e) {
      // A probe or scraper gets a 500 it can count and alert on; the cause stays here.
      return send(500, "application/json", "{\"error\":\"internal error\"}\n", Headers.empty());
    }
  }

  private static Response route(Request request, Health health, Consumer<PromText> metrics)
      throws JsonProcessingException {
    String method = request.method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return send(
          405,
          "application/json",
          json(Map.of("error", "method not allowed")),
          Headers.of("Allow", "GET, HEAD"));
    }
    return switch (request.path()) {
      case "/live" ->
          send(200, "application/json", json(Map.of("status", "live")), Headers.empty());
      case "/ready" -> {
        boolean ready = health.ready();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "not ready");
        body.put("components", health.components());
        yield send(ready ? 200 : 503, "application/json", json(body), Headers.empty());
      }
      case "/status" -> send(200, "application/json", json(health.status()), Headers.empty());
      case "/metrics" -> {
        PromText out = new PromText();
        metrics.accept(out);
        yield send(
            200, "text/plain; version=0.0.4; charset=utf-8", out.toString(), Headers.empty());
      }
      default ->
          send(
              404,
              "application/json",
              json(Map.of("error", "not found", "endpoints", "/live /ready /status /metrics")),
              Headers.empty());
    };
  }

  private static String json(Object body) throws JsonProcessingException {
    return JSON.writeValueAsString(body) + "\n";
  }

  private static Response send(int status, String type, String body, Headers extra) {
    Headers h =
        Headers.builder()
            .add("Content-Type", type)
            .add("Cache-Control", "no-store")
            .addAll(extra)
            .build();
    return Response.of(status, h, body.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.close();
  }
}
