package dev.tusk.migrate;

import dev.tusk.core.error.OperationException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Records a baseline: the version an existing database's schema already corresponds to. Refused
 * once versioned history exists, because a baseline under applied rows would hide which of them
 * really ran.
 */
final class Baseliner {

  private final MigrationSet files;
  private final Clock clock;

  Baseliner(MigrationSet files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  BaselineResult baseline(DbSession s, Version version) {
    History history = s.ensureHistory();
    List<HistoryRow> versioned =
        history.rows().stream().filter(r -> r.kind() != HistoryRow.Kind.REPEATABLE).toList();
    if (!versioned.isEmpty()) {
      throw new OperationException(
          "migrate.baseline_refused",
          "cannot baseline at "
              + version
              + ": the history already has "
              + versioned.size()
              + " versioned row(s), latest "
              + history.latest().map(Version::toString).orElse("(failed only)"),
          "baseline is for a database with schema but no migration history; use up instead");
    }
    HistoryRow row =
        new HistoryRow(
            Optional.of(version),
            "baseline",
            HistoryRow.Kind.BASELINE,
            Optional.empty(),
            clock.instant(),
            s.currentUser(),
            0,
            true);
    try {
      s.table().insert(s.connection(), row);
    } catch (SQLException e) {
      throw Failures.database("record the baseline", e);
    }
    List<String> covered =
        files.versioned().stream()
            .filter(m -> m.version().compareTo(version) <= 0)
            .map(VersionedMigration::label)
            .toList();
    return new BaselineResult(version, row.appliedAt(), covered);
  }
}
