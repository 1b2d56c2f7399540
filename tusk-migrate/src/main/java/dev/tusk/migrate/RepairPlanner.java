package dev.tusk.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code repair} changes, decided without a server: failed rows go (the migration then counts
 * as not applied), applied rows whose file was intentionally edited or renamed take the file's
 * checksum and name, repeatable rows whose file is gone go. Applied versions whose file is missing
 * are left alone: forgetting them would let a later {@code down} skip schema that exists, so the
 * fix is restoring the file.
 */
final class RepairPlanner {

  private RepairPlanner() {}

  static List<RepairAction> actions(MigrationSet files, History history) {
    List<RepairAction> out = new ArrayList<>();
    for (HistoryRow row : history.rows()) {
      if (!row.success()) {
        out.add(
            new RepairAction(
                RepairAction.Kind.REMOVED_FAILED,
                row.version(),
                row.name(),
                "failed at " + row.appliedAt() + "; now counts as not applied"));
        continue;
      }
      switch (row.kind()) {
        case BASELINE -> {}
        case REPEATABLE -> {
          if (files.findRepeatable(row.name()).isEmpty()) {
            out.add(
                new RepairAction(
                    RepairAction.Kind.REMOVED_MISSING,
                    Optional.empty(),
                    row.name(),
                    "R__" + row.name() + ".sql is gone"));
          }
        }
        case UP -> realign(files, row).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<RepairAction> realign(MigrationSet files, HistoryRow row) {
    Optional<VersionedMigration> file = files.find(row.version().orElseThrow());
    if (file.isEmpty()) {
      return Optional.empty();
    }
    VersionedMigration m = file.get();
    if (row.checksum().orElse("").equals(m.checksum()) && row.name().equals(m.name())) {
      return Optional.empty();
    }
    String detail =
        row.name().equals(m.name())
            ? "checksum " + shortSum(row.checksum().orElse("")) + " -> " + shortSum(m.checksum())
            : "renamed " + row.name() + " -> " + m.name();
    return Optional.of(
        new RepairAction(RepairAction.Kind.REALIGNED, row.version(), m.name(), detail));
  }

  private static String shortSum(String sum) {
    return sum.length() > 12 ? sum.substring(0, 12) : sum;
  }
}
