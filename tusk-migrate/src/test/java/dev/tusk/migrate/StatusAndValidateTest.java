package dev.tusk.migrate;

import static dev.tusk.migrate.Fixtures.applied;
import static dev.tusk.migrate.Fixtures.history;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusAndValidateTest {

  private final MigrationSet set = Fixtures.set("1", "2", "3", "4", "5", "R:views", "R:funcs");

  private History mixed() {
    return history(
        List.of(
            Fixtures.baseline("1"),
            applied(set, "2").get(0),
            Fixtures.up("3", "m3", "e".repeat(64), true),
            Fixtures.up("4", "m4", set.versioned().get(3).checksum(), false),
            Fixtures.up("9", "gone", "d".repeat(64), true),
            Fixtures.repeatable("views", "c".repeat(64), true),
            Fixtures.repeatable("old", "b".repeat(64), true)));
  }

  @Test
  void everyStateAppears() {
    List<String> got =
        StatusBuilder.entries(set, mixed()).stream()
            .map(
                e ->
                    e.version().map(Version::toString).orElse("R")
                        + " "
                        + e.name()
                        + " "
                        + e.state().json())
            .toList();
    assertThat(got)
        .containsExactly(
            "1 m1 baseline",
            "2 m2 applied",
            "3 m3 changed",
            "4 m4 failed",
            "5 m5 pending",
            "9 gone missing",
            "R funcs pending",
            "R old missing",
            "R views changed");
  }

  @Test
  void filesBelowTheBaselineAreNotPending() {
    History h = history(List.of(Fixtures.baseline("3")));
    assertThat(StatusBuilder.entries(set, h).stream().map(e -> e.state().json()).limit(5))
        .containsExactly("below_baseline", "below_baseline", "baseline", "pending", "pending");
  }

  @Test
  void validateListsEachDisagreement() {
    List<Problem> problems = Validator.problems(set, mixed(), false);
    assertThat(problems.stream().map(p -> p.migration() + " " + p.kind().json()))
        .containsExactlyInAnyOrder(
            "V3 m3 changed",
            "V4 m4 failed",
            "V9 gone missing",
            "R old missing",
            "V5 m5 out_of_order");
    assertThat(Validator.problems(set, mixed(), true))
        .noneMatch(p -> p.kind() == Problem.Kind.OUT_OF_ORDER);
  }

  @Test
  void aCleanHistoryValidates() {
    assertThat(Validator.problems(set, History.empty(), false)).isEmpty();
    assertThat(Validator.problems(set, history(applied(set, "1", "2")), false)).isEmpty();
    History gap = history(applied(set, "1", "3"));
    assertThat(Validator.problems(set, gap, false))
        .extracting(Problem::migration)
        .containsExactly("V2 m2");
  }

  @Test
  void repairRemovesFailedAndGoneRepeatablesAndRealignsEdits() {
    List<String> actions =
        RepairPlanner.actions(set, mixed()).stream()
            .map(a -> a.label() + " " + a.kind().json())
            .toList();
    assertThat(actions)
        .containsExactly("V3 m3 realigned", "V4 m4 removed_failed", "R old removed_missing");
    assertThat(RepairPlanner.actions(set, history(applied(set, "1", "2")))).isEmpty();
  }
}
