package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link HttpServer#close}: stop accepting, drop idle connections, let requests finish. */
class GracefulCloseTest {

  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private Response handle(Request r) throws InterruptedException {
    if (r.path().equals("/slow")) {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
    }
    return TestServer.echo(r);
  }

  @Test
  void letsARequestInFlightFinishAndClosesIdleConnections() throws Exception {
    TestServer server = new TestServer(this::handle);
    int port = server.port();
    try (RawClient busy = server.client();
        RawClient idle = server.client()) {
      assertThat(idle.send("GET /warm HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
      busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

      Thread closer = Thread.ofVirtual().start(() -> server.server.close(Duration.ofSeconds(10)));
      // The idle keep-alive connection is closed without an answer...
      assertThat(idle.socket().getInputStream().read()).isEqualTo(-1);
      // ...new connections are refused...
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .isInstanceOf(ConnectException.class);
      // ...and the request in flight still gets its whole answer, marked as the last one.
      assertThat(closer.isAlive()).isTrue();
      release.countDown();
      RawResponse r = busy.read();
      assertThat(r.text()).isEqualTo("GET /slow HTTP/1.1 0 ");
      assertThat(r.header("Connection")).contains("close");
      assertThat(busy.closedByServer()).isTrue();
      closer.join(Duration.ofSeconds(10));
      assertThat(closer.isAlive()).isFalse();
      assertThat(server.server.openConnections()).isZero();
    }
  }

  @Test
  void closesAStuckRequestWhenTheGraceRunsOut() throws Exception {
    TestServer server = new TestServer(this::handle);
    try (RawClient busy = server.client()) {
      busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      server.server.close(Duration.ofMillis(100));
      assertThat(busy.closedByServer()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void closeIsIdempotentAndWorksBeforeStart() throws IOException {
    HttpServer never = new HttpServer(TestServer.config(), TestServer::echo, ServerLog.ignore());
    never.close();
    never.close();
    TestServer server = new TestServer(TestServer::echo);
    server.close();
    server.close();
    assertThatThrownBy(() -> never.port()).isInstanceOf(IllegalStateException.class);
  }
}
