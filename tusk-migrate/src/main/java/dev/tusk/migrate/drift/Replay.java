package dev.tusk.migrate.drift;

import dev.tusk.core.error.TuskException;
import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.DownOptions;
import dev.tusk.migrate.DownTarget;
import dev.tusk.migrate.HistoryAccess;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.Migrator;
import dev.tusk.migrate.UpOptions;
import dev.tusk.migrate.VersionedMigration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code migrate validate --replay}, the CI gate for down files: on a scratch database (prepared as
 * bootstrap prepares the real one, migrated as the same role), each versioned migration in order is
 * applied, reverted with its down file, the schema compared with the snapshot from before it, and
 * applied again; the repeatables run at the end, as {@code up} runs them. A down file that forgets
 * to drop something, or drops too much, shows as the differences it leaves. After a mismatch or a
 * failure the scratch schema is no longer what the files say it is, so later versions are reported
 * as not checked rather than with errors that are only echoes of the first.
 */
public final class Replay {

  private final MigrationSet files;
  private final ConnectionSource target;
  private final String database;
  private final String asRole;
  private final Scratch scratch;
  private final ScratchPreparer preparer;
  private final Clock clock;

  /**
   * @param target superuser connections to the database the migrations are for (the scratch
   *     database is created through it, or checked against it)
   * @param database its name, for messages
   */
  public Replay(
      MigrationSet files,
      ConnectionSource target,
      String database,
      String asRole,
      Scratch scratch,
      ScratchPreparer preparer,
      Clock clock) {
    this.files = files;
    this.target = target;
    this.database = database;
    this.asRole = asRole;
    this.scratch = scratch;
    this.preparer = preparer;
    this.clock = clock;
  }

  public ReplayResult run() {
    ScratchSession s = scratch.open(target);
    ReplayResult result;
    try {
      Drift.prepare(s, preparer, database);
      result = check(s);
    } finally {
      s.close();
    }
    return s.leftOver().map(result::withNote).orElse(result);
  }

  private ReplayResult check(ScratchSession s) {
    ConnectionSource asOwner = HistoryAccess.asRole(s.source(), asRole);
    // Repeatables wait until the end: with them in the set, up to the last version would run them.
    Migrator versions =
        new Migrator(new MigrationSet(files.versioned(), List.of()), asOwner, clock);
    List<VersionCheck> checks = new ArrayList<>();
    CatalogSnapshot before = CatalogSnapshot.take(s.source(), s.shown());
    boolean stopped = false;
    for (VersionedMigration m : files.versioned()) {
      String up = m.up().file();
      String down = m.down().map(d -> d.file()).orElse(downName(up));
      if (stopped) {
        checks.add(VersionCheck.of(m.label(), up, down, VersionCheck.Outcome.NOT_CHECKED));
        continue;
      }
      UpOptions toThis = new UpOptions(Optional.of(m.version()), true, false);
      Optional<String> failed = attempt("up", () -> versions.up(toThis));
      if (failed.isEmpty() && m.down().isEmpty()) {
        checks.add(VersionCheck.of(m.label(), up, down, VersionCheck.Outcome.MISSING_DOWN));
        before = CatalogSnapshot.take(s.source(), s.shown());
        continue;
      }
      if (failed.isEmpty()) {
        failed =
            attempt("down", () -> versions.down(new DownOptions(new DownTarget.Steps(1), false)));
      }
      if (failed.isPresent()) {
        checks.add(failure(m, up, down, failed.get()));
        stopped = true;
        continue;
      }
      List<Difference> diff =
          SnapshotDiff.compare(before, CatalogSnapshot.take(s.source(), s.shown()));
      if (!diff.isEmpty()) {
        checks.add(
            new VersionCheck(
                m.label(), up, down, VersionCheck.Outcome.MISMATCH, diff, Optional.empty()));
        stopped = true;
        continue;
      }
      failed = attempt("up again after down", () -> versions.up(toThis));
      if (failed.isPresent()) {
        checks.add(failure(m, up, down, failed.get()));
        stopped = true;
        continue;
      }
      checks.add(VersionCheck.of(m.label(), up, down, VersionCheck.Outcome.OK));
      before = CatalogSnapshot.take(s.source(), s.shown());
    }
    int repeatables = 0;
    Optional<String> repeatableError = Optional.empty();
    if (!stopped && !files.repeatable().isEmpty()) {
      repeatables = files.repeatable().size();
      repeatableError =
          attempt("repeatables", () -> new Migrator(files, asOwner, clock).up(UpOptions.all()));
    }
    return new ReplayResult(s.info(), checks, repeatables, repeatableError, List.of());
  }

  private static VersionCheck failure(VersionedMigration m, String up, String down, String error) {
    return new VersionCheck(
        m.label(), up, down, VersionCheck.Outcome.FAILED, List.of(), Optional.of(error));
  }

  /** Runs one migrate operation; a failure becomes its message, prefixed with the step. */
  private static Optional<String> attempt(String step, Runnable operation) {
    try {
      operation.run();
      return Optional.empty();
    } catch (TuskException e) {
      return Optional.of(step + ": " + e.getMessage() + " (" + e.code() + ")");
    }
  }

  static String downName(String upFile) {
    return upFile.endsWith(".up.sql")
        ? upFile.substring(0, upFile.length() - ".up.sql".length()) + ".down.sql"
        : upFile + " (down)";
  }
}
