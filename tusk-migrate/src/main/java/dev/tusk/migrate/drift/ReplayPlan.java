package dev.tusk.migrate.drift;

import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.RepeatableMigration;
import dev.tusk.migrate.StatusEntry;
import dev.tusk.migrate.StatusResult;
import dev.tusk.migrate.VersionedMigration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which files a drift check replays: what the database's history says it has (applied versions,
 * those covered by a baseline, applied repeatables), not what is pending, so a pending migration is
 * not drift. Whatever the replay cannot match exactly (an edited, missing or failed migration) is a
 * note, because it explains differences the report then shows. Pure.
 *
 * @param files the migrations to replay, in the usual order
 * @param replayed their labels ({@code V1 create_products}, {@code R views})
 */
record ReplayPlan(MigrationSet files, List<String> replayed, List<String> notes) {

  private static final Set<StatusEntry.State> HELD =
      EnumSet.of(
          StatusEntry.State.APPLIED,
          StatusEntry.State.CHANGED,
          StatusEntry.State.BASELINE,
          StatusEntry.State.BELOW_BASELINE);

  static ReplayPlan from(MigrationSet files, StatusResult status) {
    List<VersionedMigration> versions = new ArrayList<>();
    List<RepeatableMigration> repeatables = new ArrayList<>();
    List<String> replayed = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean baseline = false;
    for (StatusEntry e : status.entries()) {
      String label = e.version().map(v -> "V" + v + " " + e.name()).orElse("R " + e.name());
      if (e.version().isPresent()) {
        Optional<VersionedMigration> m = files.find(e.version().get());
        if (HELD.contains(e.state()) && m.isPresent()) {
          versions.add(m.get());
          replayed.add(m.get().label());
          baseline |=
              e.state() != StatusEntry.State.APPLIED && e.state() != StatusEntry.State.CHANGED;
        }
      } else if ((e.state() == StatusEntry.State.APPLIED || e.state() == StatusEntry.State.CHANGED)
          && files.findRepeatable(e.name()).isPresent()) {
        repeatables.add(files.findRepeatable(e.name()).get());
        replayed.add(label);
      }
      note(e, label).ifPresent(notes::add);
    }
    if (baseline) {
      notes.add(
          "versions up to the baseline were replayed from their files; the database got them"
              + " another way, so a difference there may be in the files");
    }
    return new ReplayPlan(new MigrationSet(versions, repeatables), replayed, notes);
  }

  private static Optional<String> note(StatusEntry e, String label) {
    return switch (e.state()) {
      case CHANGED ->
          Optional.of(
              label
                  + ": edited after it was applied; the replay used the file as it is now (see"
                  + " tusk migrate validate)");
      case MISSING ->
          Optional.of(
              label
                  + ": applied, but its file is gone, so it was not replayed; what it made shows"
                  + " as in the database only");
      case FAILED ->
          Optional.of(label + ": failed part-way in the database; not replayed (see repair)");
      case PENDING ->
          Optional.of(label + ": pending (not applied to the database), so not replayed");
      case APPLIED, BASELINE, BELOW_BASELINE -> Optional.empty();
    };
  }
}
