package dev.tusk.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

  private final ServerConfig base = TestServer.config();

  @Test
  void refusesOutOfRangeValuesNamingThem() {
    assertInvalid(() -> base.withLimits(10, 16384, 100, 1), "max request line bytes is 10");
    assertInvalid(() -> base.withLimits(8192, 0, 100, 1), "max header bytes is 0");
    assertInvalid(() -> base.withLimits(8192, 16384, 0, 1), "max header count is 0");
    assertInvalid(() -> base.withLimits(8192, 16384, 100, -1), "max body bytes is -1");
    assertInvalid(
        () -> base.withLimits(8192, 16384, 100, ServerConfig.MAX_BODY_LIMIT + 1),
        "max body bytes is 2147483640");
    assertInvalid(() -> base.withMaxConnections(0), "max connections is 0");
    assertInvalid(
        () -> base.withTimeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ZERO),
        "head timeout is PT0S");
    assertInvalid(
        () -> base.withTimeouts(Duration.ofSeconds(1), Duration.ofDays(9999), Duration.ZERO),
        "idle timeout is PT239976H");
    assertInvalid(
        () ->
            base.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(-1)),
        "shutdown timeout is PT-1S");
    assertInvalid(
        () -> ServerConfig.defaults("127.0.0.1", 65536, Clock.systemUTC()), "port is 65536");
  }

  @Test
  void bindFailureIsAnOperationException() {
    try (TestServer first = new TestServer(TestServer::echo)) {
      ServerConfig same = ServerConfig.defaults("127.0.0.1", first.port(), Clock.systemUTC());
      HttpServer second = new HttpServer(same, TestServer::echo, ServerLog.ignore());
      assertThatThrownBy(second::start)
          .isInstanceOfSatisfying(
              OperationException.class,
              e -> {
                assertThat(e.code()).isEqualTo("http.bind_failed");
                assertThat(e.getMessage()).contains("127.0.0.1:" + first.port());
              });
    }
  }

  @Test
  void startTwiceIsABug() {
    try (TestServer server = new TestServer(TestServer::echo)) {
      assertThatThrownBy(server.server::start).isInstanceOf(IllegalStateException.class);
    }
  }

  private static void assertInvalid(Runnable build, String message) {
    assertThatThrownBy(build::run)
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("http.invalid_limit");
              assertThat(e.getMessage()).contains(message);
              assertThat(e.hint()).isPresent();
            });
  }
}
