package dev.tusk.migrate.drift;

import dev.tusk.core.error.OperationException;
import dev.tusk.core.error.TuskException;
import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.HistoryAccess;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.Migrator;
import dev.tusk.migrate.UpOptions;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code migrate drift}: replays the migrations the database's history says it has into a scratch
 * database (prepared as bootstrap prepared the real one, migrated as the same role), snapshots both
 * catalogs and compares them. What was changed by hand ({@code ALTER TABLE} in psql, a hotfix, a
 * migration edited after it ran) shows up as a difference. The scratch database Tusk creates is
 * dropped afterwards, also when the replay fails.
 *
 * <p>{@code target} gives superuser connections to the database being checked, {@code database} is
 * its name for reports, and {@code asRole} the role migrations run as ({@code migrations.as_role}).
 */
public final class Drift {

  private final MigrationSet files;
  private final ConnectionSource target;
  private final String database;
  private final String asRole;
  private final Scratch scratch;
  private final ScratchPreparer preparer;
  private final Clock clock;

  public Drift(
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

  public DriftResult run() {
    ReplayPlan plan = ReplayPlan.from(files, new Migrator(files, target, clock).status());
    ScratchSession s = scratch.open(target);
    DriftResult result;
    try {
      prepare(s, preparer, database);
      replay(s, plan.files());
      CatalogSnapshot expected = CatalogSnapshot.take(s.source(), s.shown());
      CatalogSnapshot actual = CatalogSnapshot.take(target, "database " + database);
      result =
          new DriftResult(
              database,
              s.info(),
              plan.replayed(),
              SnapshotDiff.compare(expected, actual),
              plan.notes());
    } finally {
      s.close();
    }
    return s.leftOver().map(result::withNote).orElse(result);
  }

  /** Runs the preparer; its failure names the scratch database and what it was being made like. */
  static void prepare(ScratchSession s, ScratchPreparer preparer, String database) {
    try {
      preparer.prepare(s.name());
    } catch (SQLException e) {
      throw new OperationException(
          "migrate.scratch_failed",
          "could not prepare "
              + s.shown()
              + " as bootstrap prepared "
              + database
              + ": "
              + CatalogSnapshot.firstLine(e),
          "check the databases section of tusk.yaml (schemas, extensions, grants, init_sql)",
          e);
    } catch (TuskException e) {
      throw new OperationException(
          "migrate.scratch_failed",
          "could not prepare "
              + s.shown()
              + " as bootstrap prepared "
              + database
              + ": "
              + e.getMessage(),
          e.hint().map(h -> h + "; ").orElse("")
              + "init_sql scripts run again in the scratch database, so they must only touch"
              + " their own database",
          e);
    }
  }

  private void replay(ScratchSession s, MigrationSet replayed) {
    try {
      new Migrator(replayed, HistoryAccess.asRole(s.source(), asRole), clock)
          .up(new UpOptions(Optional.empty(), true, false));
    } catch (TuskException e) {
      throw new OperationException(
          "migrate.replay_failed",
          "replaying the applied migrations into " + s.shown() + " failed: " + e.getMessage(),
          e.detail().orElse(null),
          "the files no longer build on an empty database what they built on "
              + database
              + "; fix the file named above (or restore it) and check again",
          e);
    }
  }
}
