package dev.tusk.migrate;

import static dev.tusk.migrate.Fixtures.applied;
import static dev.tusk.migrate.Fixtures.history;
import static dev.tusk.migrate.Fixtures.labels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.error.TuskException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownPlannerTest {

  private final MigrationSet set = Fixtures.set("1", "2", "3", "4!");
  private final History h = history(applied(set, "1", "3", "2"));

  private static DownTarget steps(int n) {
    return new DownTarget.Steps(n);
  }

  private static DownTarget to(String v) {
    return new DownTarget.To(Version.parse(v));
  }

  @Test
  void stepsRevertNewestVersionFirst() {
    assertThat(labels(Planner.down(set, h, steps(1)))).containsExactly("down 3");
    assertThat(labels(Planner.down(set, h, steps(3))))
        .containsExactly("down 3", "down 2", "down 1");
  }

  @Test
  void toRevertsEverythingAboveAnAppliedVersionOrZero() {
    assertThat(labels(Planner.down(set, h, to("1")))).containsExactly("down 3", "down 2");
    assertThat(labels(Planner.down(set, h, to("3")))).isEmpty();
    assertThat(labels(Planner.down(set, h, to("0")))).containsExactly("down 3", "down 2", "down 1");
  }

  @Test
  void badCountsAndTargetsAreRefusedNotClamped() {
    assertThat(code(() -> Planner.down(set, h, steps(0)))).isEqualTo("migrate.bad_steps");
    assertThat(code(() -> Planner.down(set, h, steps(-1)))).isEqualTo("migrate.bad_steps");
    ConfigException many =
        catchThrowableOfType(ConfigException.class, () -> Planner.down(set, h, steps(4)));
    assertThat(many.code()).isEqualTo("migrate.too_many_steps");
    assertThat(many.getMessage()).contains("only 3");
    assertThat(code(() -> Planner.down(set, h, to("2.5")))).isEqualTo("migrate.unknown_target");
    assertThat(code(() -> Planner.down(set, h, to("4")))).isEqualTo("migrate.unknown_target");
  }

  @Test
  void aMissingDownFileRefusesTheWholeRevert() {
    History with4 = history(applied(set, "1", "2", "3", "4"));
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> Planner.down(set, with4, steps(2)));
    assertThat(e.code()).isEqualTo("migrate.missing_down");
    assertThat(e.getMessage()).contains("V4__m4.down.sql").contains("nothing was run");
    assertThat(labels(Planner.down(set, history(applied(set, "1", "2")), steps(1))))
        .containsExactly("down 2");
    History goneFile = history(applied(set, "1"), Fixtures.up("7", "gone", "a".repeat(64), true));
    assertThat(
            catchThrowableOfType(ConfigException.class, () -> Planner.down(set, goneFile, steps(1)))
                .getMessage())
        .contains("V7__gone.down.sql");
  }

  @Test
  void theBaselineIsTheFloor() {
    History b = history(List.of(Fixtures.baseline("2")), applied(set, "3").get(0));
    assertThat(labels(Planner.down(set, b, to("2")))).containsExactly("down 3");
    assertThat(code(() -> Planner.down(set, b, to("1")))).isEqualTo("migrate.below_baseline");
    assertThat(code(() -> Planner.down(set, b, to("0")))).isEqualTo("migrate.below_baseline");
    assertThat(code(() -> Planner.down(set, b, steps(2)))).isEqualTo("migrate.too_many_steps");
  }

  @Test
  void failedRowsBlockDown() {
    History failed =
        history(
            applied(set, "1"), Fixtures.up("2", "m2", set.versioned().get(1).checksum(), false));
    OperationException e =
        catchThrowableOfType(OperationException.class, () -> Planner.down(set, failed, steps(1)));
    assertThat(e.code()).isEqualTo("migrate.validation_failed");
    assertThat(e.getMessage()).contains("failed");
  }

  private static String code(Runnable r) {
    TuskException e = catchThrowableOfType(TuskException.class, r::run);
    assertThat(e).isNotNull();
    return e.code();
  }
}
