package dev.tusk.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromTextTest {

  @Test
  void writesFamiliesOnceAndSamplesWithLabels() {
    PromText p = new PromText();
    p.family("pg_up", PromText.Type.GAUGE, "Whether the last scrape could reach PostgreSQL.");
    p.sample("pg_up", 1);
    p.family("pg_stat_database_xact_commit", PromText.Type.COUNTER, "Commits.");
    p.sample("pg_stat_database_xact_commit", 42, "datname", "app");
    p.family("pg_stat_database_xact_commit", PromText.Type.COUNTER, "Commits.");
    p.sample("pg_stat_database_xact_commit", 7.5, "datname", "postgres");
    assertThat(p.toString())
        .isEqualTo(
            """
            # HELP pg_up Whether the last scrape could reach PostgreSQL.
            # TYPE pg_up gauge
            pg_up 1
            # HELP pg_stat_database_xact_commit Commits.
            # TYPE pg_stat_database_xact_commit counter
            pg_stat_database_xact_commit{datname="app"} 42
            pg_stat_database_xact_commit{datname="postgres"} 7.5
            """);
  }

  @Test
  void escapesHostileLabelValues() {
    PromText p = new PromText().sample("m", 1, "datname", "a\"b\\c\nd} 99");
    assertThat(p.toString()).isEqualTo("m{datname=\"a\\\"b\\\\c\\nd} 99\"} 1\n");
    assertThat(p.toString().lines()).hasSize(1);
  }

  @Test
  void formatsSpecialValues() {
    assertThat(PromText.format(Double.NaN)).isEqualTo("NaN");
    assertThat(PromText.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(PromText.format(-3)).isEqualTo("-3");
    assertThat(PromText.format(1e20)).isEqualTo("1.0E20");
  }

  @Test
  void refusesOddLabels() {
    assertThatThrownBy(() -> new PromText().sample("m", 1, "only-name"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
