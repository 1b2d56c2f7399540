package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.ConfigFileOption;
import dev.tusk.cli.LocalServer;
import dev.tusk.core.config.MigrationsConfig;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.ConfigException;
import dev.tusk.engine.sql.Connector;
import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.HistoryAccess;
import dev.tusk.migrate.MigrationScanner;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.Migrator;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every {@code tusk migrate} command starts from: the config, its {@code migrations} section,
 * the scanned files and a {@link Migrator} against the running server. The files are scanned before
 * anything connects, so a bad file or a missing directory is a usage error (exit 2) even when no
 * server runs. Operations that write run as {@code migrations.as_role} (see {@link HistoryAccess});
 * those that only read the history run as the superuser and change nothing.
 */
public record MigrateProject(Cli cli, TuskConfig config, MigrationsConfig migrations) {

  /** Whether an operation writes (and so runs as the migrations role). */
  public enum Access {
    READ,
    WRITE
  }

  public static MigrateProject load(Cli cli, ConfigFileOption option) {
    TuskConfig cfg = option.load(cli);
    MigrationsConfig m =
        cfg.migrations()
            .orElseThrow(
                () ->
                    new ConfigException(
                        "migrate.not_configured",
                        "this config manages no migrations",
                        "add a migrations section to tusk.yaml"));
    return new MigrateProject(cli, cfg, m);
  }

  public Path dir() {
    return migrations.dir();
  }

  public MigrationSet scan() {
    return new MigrationScanner().scan(migrations.dir());
  }

  /** Scans the files, then prepares a migrator; nothing connects until an operation runs. */
  public Migrator migrator(Access access) {
    return migrator(access, scan());
  }

  /** A migrator over files the caller has already scanned (so they are read once). */
  public Migrator migrator(Access access, MigrationSet files) {
    Connector superuser = LocalServer.connector(config, Optional.empty());
    ConnectionSource source = ServerSource.of(superuser, migrations.database());
    if (access == Access.WRITE) {
      source = HistoryAccess.asRole(source, migrations.asRole());
    }
    return new Migrator(files, source, cli.clock());
  }

  /** {@code path} relative to the working directory when it is below it, for shorter messages. */
  public String shown(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path cwd = cli.workingDir().toAbsolutePath().normalize();
    return abs.startsWith(cwd) && !abs.equals(cwd)
        ? cwd.relativize(abs).toString()
        : abs.toString();
  }
}
