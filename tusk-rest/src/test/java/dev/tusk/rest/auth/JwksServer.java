package dev.tusk.rest.auth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on loopback whose answer a test changes: a body, a status, or a stall. */
final class JwksServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile int status = 200;
  private volatile byte[] body = new byte[0];
  private volatile long stallMillis;

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/jwks.json",
        exchange -> {
          requests.incrementAndGet();
          try {
            if (stallMillis > 0) {
              Thread.sleep(stallMillis);
            }
            byte[] b = body;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(b);
            }
          } catch (InterruptedException | IOException e) {
            // the client gave up (timeout test); nothing to answer
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  JwksServer serve(String json) {
    this.status = 200;
    this.body = json.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  JwksServer fail(int status, String text) {
    this.status = status;
    this.body = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  JwksServer serveBytes(byte[] bytes) {
    this.status = 200;
    this.body = bytes;
    return this;
  }

  void stall(long millis) {
    this.stallMillis = millis;
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
