package dev.tusk.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts an {@link HttpServer} on a free loopback port and records what it logs. */
final class TestServer implements AutoCloseable {

  final HttpServer server;
  final List<Throwable> logged = new CopyOnWriteArrayList<>();

  TestServer(ServerConfig config, Handler handler) {
    server = new HttpServer(config, handler, (request, error) -> logged.add(error)).start();
  }

  TestServer(Handler handler) {
    this(config(), handler);
  }

  static ServerConfig config() {
    return ServerConfig.defaults("127.0.0.1", 0, Clock.systemUTC());
  }

  /** Answers with the request as text: method, target, version, body length, body. */
  static Response echo(Request r) {
    String text =
        r.method()
            + " "
            + r.target()
            + " "
            + r.version().text()
            + " "
            + r.body().length
            + " "
            + new String(r.body(), StandardCharsets.ISO_8859_1);
    return Response.of(
        200, Headers.of("Content-Type", "text/plain"), text.getBytes(StandardCharsets.ISO_8859_1));
  }

  int port() {
    return server.port();
  }

  RawClient client() throws IOException {
    return new RawClient(port());
  }

  @Override
  public void close() {
    server.close();
  }
}
