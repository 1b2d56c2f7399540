package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many connections at once, and what happens past the connection limit. */
class ConcurrencyTest {

  @Test
  void servesFiveHundredConnectionsAtOnce() throws Exception {
    // Every handler waits until all 500 requests are inside the server: this passes only if the
    // server really holds 500 connections and runs 500 handlers concurrently.
    CountDownLatch all = new CountDownLatch(500);
    Handler handler =
        r -> {
          all.countDown();
          if (!all.await(30, TimeUnit.SECONDS)) {
            return Response.empty(504);
          }
          return TestServer.echo(r);
        };
    try (TestServer server = new TestServer(handler)) {
      List<RawClient> clients = new ArrayList<>();
      try {
        for (int i = 0; i < 500; i++) {
          clients.add(server.client());
        }
        for (int i = 0; i < clients.size(); i++) {
          clients.get(i).send("GET /" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        for (int i = 0; i < clients.size(); i++) {
          RawResponse r = clients.get(i).read();
          assertThat(r.text()).isEqualTo("GET /" + i + " HTTP/1.1 0 ");
        }
        assertThat(server.server.openConnections()).isEqualTo(500);
      } finally {
        for (RawClient c : clients) {
          c.close();
        }
      }
    }
  }

  @Test
  void answers503OverTheConnectionLimitAndRecovers() throws Exception {
    try (TestServer server =
            new TestServer(TestServer.config().withMaxConnections(2), TestServer::echo);
        RawClient a = server.client();
        RawClient b = server.client()) {
      // Both are registered once each has had an answer.
      assertThat(a.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      assertThat(b.send("GET /b HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      try (RawClient c = server.client()) {
        RawResponse r = c.send("GET /c HTTP/1.1\r\nHost: x\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).contains("1");
        assertThat(r.header("Connection")).contains("close");
        assertThat(r.text()).contains("\"code\":\"http.overloaded\"");
        assertThat(c.closedByServer()).isTrue();
      }
      // The two admitted connections are unaffected.
      assertThat(a.send("GET /a2 HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      // Once one leaves, a new one gets in.
      a.send("GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();
      assertThat(a.closedByServer()).isTrue();
      awaitOpenConnections(server, 1);
      try (RawClient d = server.client()) {
        assertThat(d.send("GET /d HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      }
    }
  }

  /** The server counts a connection out just after closing it; wait (bounded) for that. */
  static void awaitOpenConnections(TestServer server, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.server.openConnections() != n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(server.server.openConnections()).isEqualTo(n);
  }
}
