package dev.tusk.migrate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sets and histories for the pure planning tests. */
final class Fixtures {

  static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

  private Fixtures() {}

  /** {@code "1", "2", ...}: each version gets an up and a down file; "R:name" a repeatable. */
  static MigrationSet set(String... entries) {
    List<SourceFile> files = new ArrayList<>();
    for (String e : entries) {
      if (e.startsWith("R:")) {
        files.add(SourceFile.of("R__" + e.substring(2) + ".sql", "SELECT '" + e + "';"));
      } else if (e.endsWith("!")) {
        String v = e.substring(0, e.length() - 1);
        files.add(SourceFile.of("V" + v + "__m" + v + ".up.sql", "SELECT " + v + ";"));
      } else {
        files.add(SourceFile.of("V" + e + "__m" + e + ".up.sql", "SELECT " + e + ";"));
        files.add(SourceFile.of("V" + e + "__m" + e + ".down.sql", "SELECT -" + e + ";"));
      }
    }
    return MigrationScanner.parse(files);
  }

  /** The history rows as if {@code versions} of {@code set} were applied cleanly. */
  static List<HistoryRow> applied(MigrationSet set, String... versions) {
    List<HistoryRow> rows = new ArrayList<>();
    for (String v : versions) {
      VersionedMigration m = set.find(Version.parse(v)).orElseThrow();
      rows.add(up(v, m.name(), m.checksum(), true));
    }
    return rows;
  }

  static HistoryRow up(String version, String name, String checksum, boolean success) {
    return new HistoryRow(
        Optional.of(Version.parse(version)),
        name,
        HistoryRow.Kind.UP,
        Optional.of(checksum),
        T,
        "owner",
        5,
        success);
  }

  static HistoryRow repeatable(String name, String checksum, boolean success) {
    return new HistoryRow(
        Optional.empty(),
        name,
        HistoryRow.Kind.REPEATABLE,
        Optional.of(checksum),
        T,
        "owner",
        1,
        success);
  }

  static HistoryRow baseline(String version) {
    return new HistoryRow(
        Optional.of(Version.parse(version)),
        "baseline",
        HistoryRow.Kind.BASELINE,
        Optional.empty(),
        T,
        "owner",
        0,
        true);
  }

  static History history(List<HistoryRow> rows, HistoryRow... more) {
    List<HistoryRow> all = new ArrayList<>(rows);
    all.addAll(List.of(more));
    return new History(all);
  }

  static List<String> labels(List<Step> steps) {
    return steps.stream()
        .map(
            s ->
                switch (s) {
                  case Step.Up u -> "up " + u.migration().version();
                  case Step.Down d -> "down " + d.migration().version();
                  case Step.Repeat r -> "repeat " + r.migration().name();
                })
        .toList();
  }

  static String checksumOf(MigrationSet set, String name) {
    return set.findRepeatable(name).orElseThrow().checksum();
  }
}
