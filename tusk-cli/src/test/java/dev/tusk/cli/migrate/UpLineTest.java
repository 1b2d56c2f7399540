package dev.tusk.cli.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.migrate.RunResult;
import dev.tusk.migrate.StatusEntry;
import dev.tusk.migrate.StatusEntry.State;
import dev.tusk.migrate.StatusResult;
import dev.tusk.migrate.StepReport;
import dev.tusk.migrate.StepReport.Direction;
import dev.tusk.migrate.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The line {@code tusk up} prints after applying migrations. */
class UpLineTest {

  static StepReport step(Direction d, String version, String name) {
    return new StepReport(
        d,
        Optional.ofNullable(version).map(Version::parse),
        name,
        name + ".sql",
        true,
        Optional.of(Duration.ofMillis(3)),
        Optional.empty());
  }

  static StatusEntry entry(String version, State state) {
    return new StatusEntry(
        Optional.ofNullable(version).map(Version::parse), "m", state, Optional.of(Instant.EPOCH));
  }

  static RunResult run(StepReport... steps) {
    return new RunResult("up", false, List.of(steps));
  }

  @Test
  void appliedVersionsAndTheNewLatest() {
    String line =
        UpLine.render(
            run(
                step(Direction.UP, "2", "b"),
                step(Direction.UP, "10", "c"),
                step(Direction.UP, "3", "x")),
            new StatusResult(
                List.of(
                    entry("2", State.APPLIED),
                    entry("3", State.APPLIED),
                    entry("10", State.APPLIED),
                    entry("11", State.PENDING))));

    assertThat(line).isEqualTo("applied 3, now at V10");
  }

  @Test
  void repeatablesAreCountedApart() {
    String line =
        UpLine.render(
            run(step(Direction.UP, "1", "a"), step(Direction.REPEATABLE, null, "views")),
            new StatusResult(List.of(entry("1", State.APPLIED), entry(null, State.APPLIED))));

    assertThat(line).isEqualTo("applied 2 (1 repeatable), now at V1");
  }

  @Test
  void nothingToDo() {
    assertThat(
            UpLine.render(
                run(),
                new StatusResult(
                    List.of(entry("5", State.BASELINE), entry("4", State.BELOW_BASELINE)))))
        .isEqualTo("up to date, at V5");
    assertThat(UpLine.render(run(), new StatusResult(List.of())))
        .isEqualTo("up to date, no version applied");
  }

  @Test
  void failedAndPendingVersionsAreNotWhereTheDatabaseIs() {
    assertThat(
            UpLine.render(
                run(step(Direction.REPEATABLE, null, "v")),
                new StatusResult(
                    List.of(
                        entry("1", State.APPLIED),
                        entry("2", State.FAILED),
                        entry("3", State.PENDING),
                        entry(null, State.APPLIED)))))
        .isEqualTo("applied 1 (1 repeatable), now at V1");
  }
}
