package dev.tusk.engine.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.metrics.PromText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The admin HTTP server: {@code /live}, {@code /ready}, {@code /status} and {@code /metrics}
 * (Patroni's port and conventions). It uses the JDK's built-in server on virtual threads: these
 * endpoints see a scrape every few seconds, and no dependency is worth that.
 */
public final class AdminServer implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HttpServer server;

  /** Binds and starts; {@code metrics} appends every metric family to a scrape. */
  public AdminServer(String listen, int port, Health health, Consumer<PromText> metrics) {
    try {
      server = HttpServer.create(new InetSocketAddress(listen, port), 64);
    } catch (IOException e) {
      throw new OperationException(
          "admin.bind_failed",
          "admin.port " + port + " on " + listen + " is not available: " + e.getMessage(),
          "choose another port with admin.port or TUSK_ADMIN_PORT",
          e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", ex -> handle(ex, health, metrics));
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void handle(HttpExchange ex, Health health, Consumer<PromText> metrics)
      throws IOException {
    try (ex) {
      try {
        route(ex, health, metrics);
      } catch (RuntimeException | JsonProcessingException e) {
        // The JDK server answers a handler's exception by dropping the connection without a
        // status line; a probe or scraper should get a 500 it can count and alert on instead.
        if (ex.getResponseCode() == -1) {
          send(ex, 500, "application/json", json(Map.of("error", "internal error")));
        }
      }
    }
  }

  private static void route(HttpExchange ex, Health health, Consumer<PromText> metrics)
      throws IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      send(ex, 405, "application/json", json(Map.of("error", "method not allowed")));
      return;
    }
    switch (ex.getRequestURI().getPath()) {
      case "/live" -> send(ex, 200, "application/json", json(Map.of("status", "live")));
      case "/ready" -> {
        boolean ready = health.ready();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "not ready");
        body.put("components", health.components());
        send(ex, ready ? 200 : 503, "application/json", json(body));
      }
      case "/status" -> send(ex, 200, "application/json", json(health.status()));
      case "/metrics" -> {
        PromText out = new PromText();
        metrics.accept(out);
        send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", out.toString());
      }
      default ->
          send(
              ex,
              404,
              "application/json",
              json(Map.of("error", "not found", "endpoints", "/live /ready /status /metrics")));
    }
  }

  private static String json(Object body) throws IOException {
    return JSON.writeValueAsString(body) + "\n";
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream o = ex.getResponseBody()) {
        o.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
