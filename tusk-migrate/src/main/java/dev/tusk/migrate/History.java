package dev.tusk.migrate;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The history table's rows in the order they were written, with the look-ups planning needs. */
public record History(List<HistoryRow> rows) {

  public History {
    rows = List.copyOf(rows);
  }

  public static History empty() {
    return new History(List.of());
  }

  public Optional<HistoryRow> baseline() {
    return rows.stream().filter(r -> r.kind() == HistoryRow.Kind.BASELINE).findFirst();
  }

  /** The row of a version (applied, failed or baseline). */
  public Optional<HistoryRow> find(Version v) {
    return rows.stream()
        .filter(r -> r.version().isPresent() && r.version().get().compareTo(v) == 0)
        .findFirst();
  }

  public Optional<HistoryRow> findRepeatable(String name) {
    return rows.stream()
        .filter(r -> r.kind() == HistoryRow.Kind.REPEATABLE && r.name().equals(name))
        .findFirst();
  }

  /** Versioned rows applied successfully (not baseline), newest version first. */
  public List<HistoryRow> appliedNewestFirst() {
    return rows.stream()
        .filter(r -> r.kind() == HistoryRow.Kind.UP && r.success())
        .sorted(Comparator.comparing((HistoryRow r) -> r.version().orElseThrow()).reversed())
        .toList();
  }

  /** The highest version applied or baselined. */
  public Optional<Version> latest() {
    return rows.stream()
        .filter(r -> r.kind() != HistoryRow.Kind.REPEATABLE && r.success())
        .map(r -> r.version().orElseThrow())
        .max(Comparator.naturalOrder());
  }

  public List<HistoryRow> failed() {
    return rows.stream().filter(r -> !r.success()).toList();
  }

  /** Whether {@code v} is at or below the baseline, so counted as applied without a row. */
  public boolean coveredByBaseline(Version v) {
    return baseline().map(b -> v.compareTo(b.version().orElseThrow()) <= 0).orElse(false);
  }
}
