package dev.tusk.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.metrics.PromText;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The one part of PostgresMetrics that needs no server: when no connection can be opened the scrape
 * is exactly {@code pg_up 0}, with nothing half-written. Every database metric is checked against a
 * real server in the testkit's AdminMetricsIT.
 */
class PostgresMetricsTest {

  @Test
  void noConnectionIsExactlyPgUpZero() {
    PromText out = new PromText();
    PostgresMetrics.write(
        out,
        () -> {
          throw new SQLException("connection refused", "08001");
        });
    assertThat(out.toString())
        .isEqualTo(
            "# HELP pg_up Whether the last scrape was able to connect to the server\n"
                + "# TYPE pg_up gauge\n"
                + "pg_up 0\n");
  }
}
