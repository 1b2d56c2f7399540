package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import java.util.List;
import java.util.Optional;

/**
 * Which applied versions a {@link DownTarget} selects. A count larger than what is applied, or a
 * target version that was never applied, is an error rather than "as far as possible": a typo in
 * {@code --to} must not revert more than meant. The baseline is the floor: it has no down file.
 */
final class DownScope {

  private DownScope() {}

  /** The rows to revert, newest first. */
  static List<HistoryRow> rows(History history, List<HistoryRow> applied, DownTarget target) {
    return switch (target) {
      case DownTarget.Steps s -> steps(history, applied, s.count());
      case DownTarget.To t -> to(history, applied, t.version());
    };
  }

  private static List<HistoryRow> steps(History history, List<HistoryRow> applied, int count) {
    if (count < 1) {
      throw new ConfigException(
          "migrate.bad_steps",
          "cannot revert " + count + " steps",
          "give a step count of 1 or more");
    }
    if (count > applied.size()) {
      String floor =
          history.baseline().map(b -> " above the baseline " + b.version().get()).orElse("");
      throw new ConfigException(
          "migrate.too_many_steps",
          "cannot revert "
              + count
              + " steps: only "
              + applied.size()
              + " version(s) applied"
              + floor,
          "give at most " + applied.size() + " steps, or --to a version");
    }
    return applied.subList(0, count);
  }

  private static List<HistoryRow> to(History history, List<HistoryRow> applied, Version v) {
    Optional<HistoryRow> baseline = history.baseline();
    if (baseline.isPresent() && v.compareTo(baseline.get().version().orElseThrow()) < 0) {
      throw new ConfigException(
          "migrate.below_baseline",
          "cannot revert below the baseline "
              + baseline.get().version().get()
              + " (target "
              + v
              + ")",
          "the baseline stands for schema that has no down files; go down to it at most");
    }
    boolean zero = v.compareTo(Version.parse("0")) == 0;
    boolean known = history.find(v).map(HistoryRow::success).orElse(false);
    if (!zero && !known) {
      throw new ConfigException(
          "migrate.unknown_target",
          "version " + v + " is not applied, so it cannot be a down target",
          "give an applied version from tusk migrate status, or 0 to revert everything");
    }
    return applied.stream().filter(r -> r.version().orElseThrow().compareTo(v) > 0).toList();
  }
}
