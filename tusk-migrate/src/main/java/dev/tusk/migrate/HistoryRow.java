package dev.tusk.migrate;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of {@code tusk.schema_migrations}. Versioned and baseline rows have a version; repeatable
 * rows are keyed by name. {@code success} is false only for a {@code no-transaction} migration that
 * failed part-way (a transactional failure rolls back its row with everything else); such a row
 * blocks {@code up} and {@code down} until {@code repair}.
 */
public record HistoryRow(
    Optional<Version> version,
    String name,
    Kind kind,
    Optional<String> checksum,
    Instant appliedAt,
    String appliedBy,
    long durationMs,
    boolean success) {

  /** The {@code kind} column. */
  public enum Kind {
    UP("up"),
    REPEATABLE("repeatable"),
    BASELINE("baseline");

    private final String sql;

    Kind(String sql) {
      this.sql = sql;
    }

    public String sql() {
      return sql;
    }

    static Kind of(String sql) {
      for (Kind k : values()) {
        if (k.sql.equals(sql)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown history kind " + sql);
    }
  }
}
