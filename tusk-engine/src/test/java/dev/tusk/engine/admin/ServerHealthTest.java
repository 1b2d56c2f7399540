package dev.tusk.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.supervise.Launch;
import dev.tusk.engine.supervise.RestartPolicy;
import dev.tusk.engine.supervise.Supervisor;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * ServerHealth before PostgreSQL runs (a supervisor that was never started): never ready whatever
 * bootstrap says, "down", no query sent, and an uptime read from the injected clock. The running
 * states are covered against a real server by the testkit's AdminServerIT.
 */
class ServerHealthTest {

  private final StepClock clock = new StepClock(Instant.parse("2030-01-01T00:00:00Z"));
  private final AtomicInteger opened = new AtomicInteger();
  private final Supervisor supervisor =
      new Supervisor(
          new Launch(List.of("false"), Path.of("/"), Map.of()),
          () -> {
            throw new IllegalStateException("never probed in these tests");
          },
          new TuskLog(clock, Optional.empty(), Optional.empty(), TuskLog.Level.WARN),
          clock,
          RestartPolicy.defaults(),
          Duration.ofSeconds(1));
  private final ServerHealth health =
      new ServerHealth(
          "db-unit",
          supervisor,
          () -> {
            opened.incrementAndGet();
            throw new SQLException("no server in a unit test");
          },
          clock);

  @Test
  void aStoppedServerIsNotReadyEvenWhenBootstrapIsDone() {
    assertThat(health.ready()).isFalse();
    health.bootstrap("done");
    assertThat(health.ready()).isFalse();
    assertThat(health.components())
        .containsExactly(
            Map.entry("postgres", "stopped"),
            Map.entry("bootstrap", "done"),
            Map.entry("admin", "ready"));
  }

  @Test
  void statusOfAStoppedServerIsDownAndSendsNoQuery() {
    Map<String, Object> s = health.status();
    assertThat(s)
        .containsEntry("cluster", "db-unit")
        .containsEntry("status", "down")
        .containsEntry("uptime_seconds", 0L);
    assertThat(s.get("postgres")).isEqualTo(Map.of("state", "stopped", "restarts", 0));
    assertThat(s.get("components")).isEqualTo(health.components());
    assertThat(opened).hasValue(0);
  }

  @Test
  void uptimeIsWholeSecondsOnTheInjectedClock() {
    clock.advance(Duration.ofSeconds(90));
    assertThat(health.status()).containsEntry("uptime_seconds", 90L);
    clock.advance(Duration.ofMillis(999));
    assertThat(health.status()).containsEntry("uptime_seconds", 90L);
    clock.advance(Duration.ofDays(3));
    assertThat(health.status()).containsEntry("uptime_seconds", 90L + 3 * 86_400);
  }

  @Test
  void aFailedBootstrapIsReportedWithItsReason() {
    health.bootstrap("failed: role \"app\" could not be created");
    assertThat(health.components())
        .containsEntry("bootstrap", "failed: role \"app\" could not be created");
    assertThat(health.ready()).isFalse();
  }

  @Test
  void addedComponentsAreListedWithTheirCurrentStateAndHoldReadinessBack() {
    java.util.concurrent.atomic.AtomicReference<String> rest =
        new java.util.concurrent.atomic.AtomicReference<>("loading schema cache");
    health.addComponent("rest", rest::get);
    health.bootstrap("done");
    assertThat(health.components())
        .containsExactly(
            Map.entry("postgres", "stopped"),
            Map.entry("bootstrap", "done"),
            Map.entry("admin", "ready"),
            Map.entry("rest", "loading schema cache"));
    rest.set("ready");
    assertThat(health.components()).containsEntry("rest", "ready");
    assertThat(health.ready()).isFalse(); // PostgreSQL still stopped
  }
}
