package dev.tusk.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.migrate.MigrationScanner;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.StatusEntry;
import dev.tusk.migrate.StatusResult;
import dev.tusk.migrate.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a drift check replays, from the database's status, and the notes it leaves. */
class ReplayPlanTest {

  @TempDir Path dir;

  static final Optional<Instant> AT = Optional.of(Instant.parse("2026-01-01T00:00:00Z"));

  static StatusEntry v(String version, String name, StatusEntry.State state) {
    return new StatusEntry(Optional.of(Version.parse(version)), name, state, AT);
  }

  static StatusEntry r(String name, StatusEntry.State state) {
    return new StatusEntry(Optional.empty(), name, state, AT);
  }

  MigrationSet files() throws Exception {
    for (String f :
        List.of(
            "V1__a.up.sql",
            "V2__b.up.sql",
            "V3__c.up.sql",
            "V4__d.up.sql",
            "V5__e.up.sql",
            "R__one.sql",
            "R__two.sql")) {
      Files.writeString(dir.resolve(f), "SELECT 1;\n");
    }
    return new MigrationScanner().scan(dir);
  }

  @Test
  void appliedAndBaselinedVersionsAndAppliedRepeatablesAreReplayed() throws Exception {
    StatusResult status =
        new StatusResult(
            List.of(
                v("1", "a", StatusEntry.State.BELOW_BASELINE),
                v("2", "b", StatusEntry.State.BASELINE),
                v("3", "c", StatusEntry.State.APPLIED),
                v("4", "d", StatusEntry.State.CHANGED),
                v("5", "e", StatusEntry.State.PENDING),
                v("6", "gone", StatusEntry.State.MISSING),
                r("one", StatusEntry.State.APPLIED),
                r("two", StatusEntry.State.PENDING)));

    ReplayPlan plan = ReplayPlan.from(files(), status);

    assertThat(plan.replayed()).containsExactly("V1 a", "V2 b", "V3 c", "V4 d", "R one");
    assertThat(plan.files().versioned()).hasSize(4);
    assertThat(plan.files().repeatable()).extracting(m -> m.name()).containsExactly("one");
    assertThat(plan.notes())
        .containsExactly(
            "V4 d: edited after it was applied; the replay used the file as it is now (see tusk"
                + " migrate validate)",
            "V5 e: pending (not applied to the database), so not replayed",
            "V6 gone: applied, but its file is gone, so it was not replayed; what it made shows"
                + " as in the database only",
            "R two: pending (not applied to the database), so not replayed",
            "versions up to the baseline were replayed from their files; the database got them"
                + " another way, so a difference there may be in the files");
  }

  @Test
  void aFailedVersionIsNotReplayed() throws Exception {
    ReplayPlan plan =
        ReplayPlan.from(files(), new StatusResult(List.of(v("1", "a", StatusEntry.State.FAILED))));

    assertThat(plan.replayed()).isEmpty();
    assertThat(plan.notes())
        .containsExactly("V1 a: failed part-way in the database; not replayed (see repair)");
  }
}
