package dev.tusk.migrate;

import static dev.tusk.migrate.Fixtures.applied;
import static dev.tusk.migrate.Fixtures.history;
import static dev.tusk.migrate.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpPlannerTest {

  private final MigrationSet set = Fixtures.set("1", "2", "10", "R:views", "R:funcs");

  private static UpOptions to(String v) {
    return new UpOptions(Optional.of(Version.parse(v)), false, false);
  }

  @Test
  void everythingInVersionOrderThenRepeatablesByName() {
    assertThat(labels(Planner.up(set, History.empty(), UpOptions.all())))
        .containsExactly("up 1", "up 2", "up 10", "repeat funcs", "repeat views");
  }

  @Test
  void onlyPendingVersionsAndOnlyChangedRepeatables() {
    History h =
        history(
            applied(set, "1", "2"),
            Fixtures.repeatable("views", Fixtures.checksumOf(set, "views"), true),
            Fixtures.repeatable("funcs", "0".repeat(64), true));
    assertThat(labels(Planner.up(set, h, UpOptions.all())))
        .containsExactly("up 10", "repeat funcs");
    History done =
        history(
            applied(set, "1", "2", "10"),
            Fixtures.repeatable("views", Fixtures.checksumOf(set, "views"), true),
            Fixtures.repeatable("funcs", Fixtures.checksumOf(set, "funcs"), true));
    assertThat(Planner.up(set, done, UpOptions.all())).isEmpty();
  }

  @Test
  void aTargetStopsThereAndHoldsRepeatablesBack() {
    assertThat(labels(Planner.up(set, History.empty(), to("2")))).containsExactly("up 1", "up 2");
    assertThat(labels(Planner.up(set, history(applied(set, "1", "2")), to("10"))))
        .containsExactly("up 10", "repeat funcs", "repeat views");
    assertThat(Planner.up(set, history(applied(set, "1", "2")), to("1"))).isEmpty();
  }

  @Test
  void anUnknownTargetIsAUsageError() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> Planner.up(set, History.empty(), to("3")));
    assertThat(e.code()).isEqualTo("migrate.unknown_target");
    assertThat(e.getMessage()).contains("3");
  }

  @Test
  void aGapIsFineButAnOlderPendingVersionIsRefusedUnlessAllowed() {
    MigrationSet gap = Fixtures.set("1", "5");
    assertThat(labels(Planner.up(gap, history(applied(gap, "1")), UpOptions.all())))
        .containsExactly("up 5");
    History h = history(applied(set, "1", "10"));
    OperationException e =
        catchThrowableOfType(OperationException.class, () -> Planner.up(set, h, UpOptions.all()));
    assertThat(e.code()).isEqualTo("migrate.validation_failed");
    assertThat(e.getMessage())
        .contains("V2 m2")
        .contains("out_of_order")
        .contains("nothing was run");
    assertThat(labels(Planner.up(set, h, new UpOptions(Optional.empty(), true, false))))
        .containsExactly("up 2", "repeat funcs", "repeat views");
  }

  @Test
  void editedMissingOrFailedHistoryRefusesEverything() {
    List<HistoryRow> edited = List.of(Fixtures.up("1", "m1", "f".repeat(64), true));
    assertThat(refusal(history(edited))).contains("V1 m1").contains("changed");
    List<HistoryRow> missing = List.of(Fixtures.up("3", "gone", "f".repeat(64), true));
    assertThat(refusal(history(applied(set, "1", "2"), missing.get(0)))).contains("missing");
    HistoryRow failed = Fixtures.up("2", "m2", set.versioned().get(1).checksum(), false);
    assertThat(refusal(history(applied(set, "1"), failed))).contains("failed");
    HistoryRow renamed = Fixtures.up("1", "old_name", set.versioned().get(0).checksum(), true);
    assertThat(refusal(history(List.of(renamed)))).contains("changed");
  }

  @Test
  void aBaselineCoversTheVersionsAtOrBelowIt() {
    History h = history(List.of(), Fixtures.baseline("2"));
    assertThat(labels(Planner.up(set, h, UpOptions.all())))
        .containsExactly("up 10", "repeat funcs", "repeat views");
  }

  private String refusal(History h) {
    OperationException e =
        catchThrowableOfType(OperationException.class, () -> Planner.up(set, h, UpOptions.all()));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo("migrate.validation_failed");
    return e.getMessage() + " " + e.detail().orElse("");
  }
}
