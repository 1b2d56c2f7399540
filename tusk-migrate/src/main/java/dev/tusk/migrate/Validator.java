package dev.tusk.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the files with the history and lists every disagreement ({@link Problem}). Pure. A
 * version gap is not a problem (versions are often timestamps); a pending version older than the
 * latest applied one is, unless allowed, because it would run after migrations written later than
 * it and may not expect their schema.
 */
final class Validator {

  private Validator() {}

  static List<Problem> problems(MigrationSet files, History history, boolean allowOutOfOrder) {
    List<Problem> out = new ArrayList<>();
    for (HistoryRow row : history.rows()) {
      check(files, row).ifPresent(out::add);
    }
    Optional<Version> latest = history.latest();
    if (latest.isPresent() && !allowOutOfOrder) {
      for (VersionedMigration m : pending(files, history)) {
        if (m.version().compareTo(latest.get()) < 0) {
          out.add(
              new Problem(
                  Problem.Kind.OUT_OF_ORDER,
                  m.label(),
                  "pending, but older than the latest applied version "
                      + latest.get()
                      + "; give it a newer version, or allow out-of-order migrations"));
        }
      }
    }
    return out;
  }

  /** Versioned files with no history row and above the baseline, in version order. */
  static List<VersionedMigration> pending(MigrationSet files, History history) {
    return files.versioned().stream()
        .filter(m -> history.find(m.version()).isEmpty() && !history.coveredByBaseline(m.version()))
        .toList();
  }

  private static Optional<Problem> check(MigrationSet files, HistoryRow row) {
    String label = label(row);
    if (!row.success()) {
      return Optional.of(
          new Problem(
              Problem.Kind.FAILED,
              label,
              "failed part-way at "
                  + row.appliedAt()
                  + " (a no-transaction script, so its earlier statements stay applied); finish"
                  + " or undo it by hand, then run repair to remove the row"));
    }
    return switch (row.kind()) {
      case BASELINE -> Optional.empty();
      case REPEATABLE ->
          files.findRepeatable(row.name()).isPresent()
              ? Optional.empty()
              : Optional.of(
                  new Problem(
                      Problem.Kind.MISSING,
                      label,
                      "applied, but R__"
                          + row.name()
                          + ".sql is gone; restore it, or run repair"
                          + " to forget it"));
      case UP -> checkApplied(files, row, label);
    };
  }

  private static Optional<Problem> checkApplied(MigrationSet files, HistoryRow row, String label) {
    Optional<VersionedMigration> file = files.find(row.version().orElseThrow());
    if (file.isEmpty()) {
      return Optional.of(
          new Problem(
              Problem.Kind.MISSING,
              label,
              "applied, but its file is gone; restore V"
                  + row.version().get()
                  + "__"
                  + row.name()
                  + ".up.sql"));
    }
    VersionedMigration m = file.get();
    if (!row.checksum().orElse("").equals(m.checksum())) {
      return Optional.of(
          new Problem(
              Problem.Kind.CHANGED,
              label,
              m.up().file()
                  + " was edited after it was applied; revert the edit and put the change in a"
                  + " new migration, or run repair if the edit was intentional"));
    }
    if (!row.name().equals(m.name())) {
      return Optional.of(
          new Problem(
              Problem.Kind.CHANGED,
              label,
              "applied as '"
                  + row.name()
                  + "' but the file is now named '"
                  + m.name()
                  + "'; rename it back, or run repair to record the new name"));
    }
    return Optional.empty();
  }

  static String label(HistoryRow row) {
    return switch (row.kind()) {
      case REPEATABLE -> "R " + row.name();
      case UP, BASELINE -> "V" + row.version().orElseThrow() + " " + row.name();
    };
  }
}
