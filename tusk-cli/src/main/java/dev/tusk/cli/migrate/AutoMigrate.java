package dev.tusk.cli.migrate;

import dev.tusk.core.config.MigrationsConfig;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.Platform;
import dev.tusk.engine.sql.Connector;
import dev.tusk.migrate.HistoryAccess;
import dev.tusk.migrate.MigrationScanner;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.Migrator;
import dev.tusk.migrate.RunResult;
import dev.tusk.migrate.StatusResult;
import dev.tusk.migrate.UpOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code tusk up}'s migrations: after bootstrap, pending migrations are applied as {@code
 * migrations.as_role} and one line says what happened. The files are scanned when the hooks are
 * made, before anything starts, so a bad file refuses the start (exit 2) without PostgreSQL ever
 * running; a failing migration fails the start (exit 1) after the platform stopped what it started.
 * Without the directory there is nothing to do: a project without migrations is normal.
 */
public final class AutoMigrate {

  private AutoMigrate() {}

  /** The start hooks for {@code cfg}: none, a note (auto_apply off), or the run. */
  public static List<Platform.StartHook> hooks(
      TuskConfig cfg, TuskLog log, PrintStream out, Clock clock) {
    Optional<MigrationsConfig> configured = cfg.migrations();
    if (configured.isEmpty() || !Files.isDirectory(configured.get().dir())) {
      return List.of();
    }
    MigrationsConfig m = configured.get();
    if (!m.autoApply()) {
      return List.of(
          (config, su, health) ->
              out.println(
                  "migrations: not applied at start (auto_apply: false); see tusk migrate status"));
    }
    MigrationSet files = new MigrationScanner().scan(m.dir());
    return List.of((config, su, health) -> run(m, files, su, log, out, clock));
  }

  private static void run(
      MigrationsConfig m,
      MigrationSet files,
      Connector su,
      TuskLog log,
      PrintStream out,
      Clock clock) {
    RunResult run;
    StatusResult status;
    try {
      run =
          new Migrator(
                  files, HistoryAccess.asRole(ServerSource.of(su, m.database()), m.asRole()), clock)
              .up(new UpOptions(Optional.empty(), m.allowOutOfOrder(), false));
      status = new Migrator(files, ServerSource.of(su, m.database()), clock).status();
    } catch (OperationException e) {
      throw new OperationException(
          e.code(),
          "migrations in " + m.dir() + " failed at start: " + e.getMessage(),
          e.detail().orElse(null),
          e.hint().map(h -> h + "; ").orElse("")
              + "tusk up stopped PostgreSQL again; start it once the migration is fixed, or set"
              + " migrations.auto_apply: false to start without applying",
          e);
    }
    String line = UpLine.render(run, status);
    log.info("migrations", line, "database", m.database(), "role", m.asRole());
    out.println("migrations: " + line);
    out.flush();
  }
}
