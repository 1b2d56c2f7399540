package dev.tusk.cli.migrate;

import dev.tusk.migrate.RunResult;
import dev.tusk.migrate.StatusEntry;
import dev.tusk.migrate.StatusResult;
import dev.tusk.migrate.StepReport;
import dev.tusk.migrate.Version;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code tusk up} says about migrations, after {@code migrations: } on the console and as the
 * log message: {@code applied 3, now at V3}.
 */
final class UpLine {

  /** States whose version the database has (ran, or stands in for by the baseline). */
  private static final Set<StatusEntry.State> HELD =
      EnumSet.of(
          StatusEntry.State.APPLIED,
          StatusEntry.State.CHANGED,
          StatusEntry.State.MISSING,
          StatusEntry.State.BASELINE);

  private UpLine() {}

  static String render(RunResult run, StatusResult status) {
    Optional<Version> at =
        status.entries().stream()
            .filter(e -> HELD.contains(e.state()))
            .flatMap(e -> e.version().stream())
            .max(Comparator.naturalOrder());
    String where = at.map(v -> "now at V" + v).orElse("no version applied");
    if (run.steps().isEmpty()) {
      return "up to date, " + where.replace("now at", "at");
    }
    long repeatable =
        run.steps().stream().filter(s -> s.direction() == StepReport.Direction.REPEATABLE).count();
    String extra = repeatable == 0 ? "" : " (" + repeatable + " repeatable)";
    return "applied " + run.steps().size() + extra + ", " + where;
  }
}
