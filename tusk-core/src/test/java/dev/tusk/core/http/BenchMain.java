package dev.tusk.core.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Executors;

/**
 * Not a test: serves the same 100-byte JSON from this server ({@code tusk}) or the JDK's built-in
 * server on virtual threads ({@code jdk}), for comparing them with wrk. Prints the port, then
 * serves until stdin closes. Run each in its own JVM to compare CPU time per request as well as
 * req/s.
 *
 * <pre>
 * java -cp tusk-core/target/classes:tusk-core/target/test-classes dev.tusk.core.http.BenchMain tusk
 * wrk -t2 -c64 -d10s http://127.0.0.1:PORT/
 * </pre>
 */
final class BenchMain {

  static final byte[] JSON = json();

  private BenchMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals("jdk")) {
      com.sun.net.httpserver.HttpServer jdk =
          com.sun.net.httpserver.HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
      jdk.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      jdk.createContext("/", BenchMain::jdkHandle);
      jdk.start();
      serveUntilStdinCloses("jdk", jdk.getAddress().getPort());
      jdk.stop(0);
    } else {
      ServerConfig config = ServerConfig.defaults("127.0.0.1", 0, Clock.systemUTC());
      Headers headers = Headers.of("Content-Type", "application/json");
      try (HttpServer tusk =
          new HttpServer(config, r -> Response.of(200, headers, JSON), ServerLog.ignore())) {
        serveUntilStdinCloses("tusk", tusk.start().port());
      }
    }
  }

  private static void serveUntilStdinCloses(String name, int port) throws IOException {
    System.out.println(name + " " + port);
    System.out.flush();
    System.in.transferTo(OutputStream.nullOutputStream());
  }

  private static void jdkHandle(HttpExchange ex) throws IOException {
    try (ex) {
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, JSON.length);
      ex.getResponseBody().write(JSON);
    }
  }

  private static byte[] json() {
    String s = "{\"id\":1,\"name\":\"tusk\",\"ok\":true,\"tags\":[\"a\",\"b\"],\"pad\":\"";
    s += "x".repeat(100 - s.length() - 2) + "\"}";
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    if (b.length != 100) {
      throw new AssertionError(b.length);
    }
    return b;
  }
}
