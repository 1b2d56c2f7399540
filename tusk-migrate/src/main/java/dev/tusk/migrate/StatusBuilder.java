package dev.tusk.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Joins files and history into status entries: versions in order, then repeatables by name. */
final class StatusBuilder {

  private StatusBuilder() {}

  static List<StatusEntry> entries(MigrationSet files, History history) {
    TreeSet<Version> versions = new TreeSet<>();
    files.versioned().forEach(m -> versions.add(m.version()));
    history.rows().stream()
        .filter(r -> r.kind() != HistoryRow.Kind.REPEATABLE)
        .forEach(r -> versions.add(r.version().orElseThrow()));
    List<StatusEntry> out = new ArrayList<>();
    for (Version v : versions) {
      out.add(versioned(v, files.find(v), history));
    }
    TreeSet<String> names = new TreeSet<>();
    files.repeatable().forEach(r -> names.add(r.name()));
    history.rows().stream()
        .filter(r -> r.kind() == HistoryRow.Kind.REPEATABLE)
        .forEach(r -> names.add(r.name()));
    for (String name : names) {
      out.add(repeatable(name, files.findRepeatable(name), history.findRepeatable(name)));
    }
    return out;
  }

  private static StatusEntry versioned(
      Version v, Optional<VersionedMigration> file, History history) {
    Optional<HistoryRow> row = history.find(v);
    String name = file.map(VersionedMigration::name).orElseGet(() -> row.orElseThrow().name());
    if (row.isEmpty()) {
      StatusEntry.State s =
          history.coveredByBaseline(v)
              ? StatusEntry.State.BELOW_BASELINE
              : StatusEntry.State.PENDING;
      return new StatusEntry(Optional.of(v), name, s, Optional.empty());
    }
    HistoryRow r = row.get();
    StatusEntry.State s;
    if (r.kind() == HistoryRow.Kind.BASELINE) {
      s = StatusEntry.State.BASELINE;
    } else if (!r.success()) {
      s = StatusEntry.State.FAILED;
    } else if (file.isEmpty()) {
      s = StatusEntry.State.MISSING;
    } else if (!r.checksum().orElse("").equals(file.get().checksum())
        || !r.name().equals(file.get().name())) {
      s = StatusEntry.State.CHANGED;
    } else {
      s = StatusEntry.State.APPLIED;
    }
    return new StatusEntry(Optional.of(v), name, s, Optional.of(r.appliedAt()));
  }

  private static StatusEntry repeatable(
      String name, Optional<RepeatableMigration> file, Optional<HistoryRow> row) {
    StatusEntry.State s;
    if (row.isEmpty()) {
      s = StatusEntry.State.PENDING;
    } else if (!row.get().success()) {
      s = StatusEntry.State.FAILED;
    } else if (file.isEmpty()) {
      s = StatusEntry.State.MISSING;
    } else if (!row.get().checksum().orElse("").equals(file.get().checksum())) {
      s = StatusEntry.State.CHANGED;
    } else {
      s = StatusEntry.State.APPLIED;
    }
    return new StatusEntry(Optional.empty(), name, s, row.map(HistoryRow::appliedAt));
  }
}
