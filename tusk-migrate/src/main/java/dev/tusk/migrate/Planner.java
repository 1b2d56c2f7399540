package dev.tusk.migrate;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns files plus history into the list of steps {@code up} or {@code down} would run, or a
 * refusal. Pure, so every rule here is unit-tested without a server; the runner executes exactly
 * what this returns. Nothing is planned halfway: any refusal means no step runs.
 */
final class Planner {

  private Planner() {}

  static List<Step> up(MigrationSet files, History history, UpOptions options) {
    List<Problem> problems = Validator.problems(files, history, options.allowOutOfOrder());
    if (!problems.isEmpty()) {
      throw refused(problems);
    }
    Optional<Version> target = options.target();
    if (target.isPresent() && files.find(target.get()).isEmpty()) {
      throw new ConfigException(
          "migrate.unknown_target",
          "no migration file has version " + target.get(),
          "give a version from tusk migrate status, or leave the target out to apply everything");
    }
    List<VersionedMigration> pending = Validator.pending(files, history);
    List<Step> steps = new ArrayList<>();
    for (VersionedMigration m : pending) {
      if (target.isEmpty() || m.version().compareTo(target.get()) <= 0) {
        steps.add(new Step.Up(m));
      }
    }
    if (steps.size() == pending.size()) {
      // Repeatables (views, functions) run against the latest schema only, after the versions.
      for (RepeatableMigration r : files.repeatable()) {
        Optional<HistoryRow> row = history.findRepeatable(r.name());
        if (row.isEmpty() || !row.get().checksum().orElse("").equals(r.checksum())) {
          steps.add(new Step.Repeat(r));
        }
      }
    }
    return steps;
  }

  static List<Step> down(MigrationSet files, History history, DownTarget target) {
    List<Problem> failed =
        Validator.problems(files, history, true).stream()
            .filter(p -> p.kind() == Problem.Kind.FAILED)
            .toList();
    if (!failed.isEmpty()) {
      throw refused(failed);
    }
    List<HistoryRow> applied = history.appliedNewestFirst();
    List<HistoryRow> revert = DownScope.rows(history, applied, target);
    List<Step> steps = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (HistoryRow row : revert) {
      Version v = row.version().orElseThrow();
      Optional<VersionedMigration> m = files.find(v);
      if (m.isPresent() && m.get().down().isPresent()) {
        steps.add(new Step.Down(m.get(), m.get().down().get()));
      } else {
        missing.add("V" + v + "__" + row.name() + ".down.sql");
      }
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(
          "migrate.missing_down",
          "cannot revert: no down file for " + String.join(", ", missing) + "; nothing was run",
          "write the missing down file(s), or revert fewer versions");
    }
    return steps;
  }

  private static OperationException refused(List<Problem> problems) {
    StringBuilder detail = new StringBuilder();
    for (Problem p : problems) {
      if (!detail.isEmpty()) {
        detail.append("\n  ");
      }
      detail.append(p.migration()).append(": ").append(p.kind().json()).append(": ");
      detail.append(p.message());
    }
    Problem first = problems.get(0);
    return new OperationException(
        "migrate.validation_failed",
        problems.size()
            + " problem(s) between the files and the history, first: "
            + first.migration()
            + " "
            + first.kind().json()
            + "; nothing was run",
        detail.toString(),
        "see tusk migrate validate for each problem and its fix",
        null);
  }
}
