package dev.tusk.cli.migrate;

import dev.tusk.cli.Cli;
import dev.tusk.cli.LocalServer;
import dev.tusk.core.config.DatabaseConfig;
import dev.tusk.core.config.MigrationsConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.bootstrap.Reconciler;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.sql.Connector;
import dev.tusk.engine.sql.Endpoint;
import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.drift.Drift;
import dev.tusk.migrate.drift.Replay;
import dev.tusk.migrate.drift.Scratch;
import dev.tusk.migrate.drift.ScratchPreparer;
import dev.tusk.migrate.drift.ScratchUrl;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/**
 * What {@code migrate drift} and {@code migrate validate --replay} need besides the files: the
 * database being checked, the scratch database (a new one on the same server, or {@code
 * --scratch-url}), and the bootstrap of the scratch database, which is the engine's own {@link
 * Reconciler} for the migrations database's config entry, so the scratch database gets the schemas,
 * extensions, grants, default privileges and init_sql the real one got before its first migration.
 *
 * <p>A {@code --scratch-url} is parsed before anything connects (a bad one is exit 2). Without
 * credentials and naming Tusk's own server, it is reached as the superuser with Tusk's TLS
 * settings, like the rest of {@code tusk migrate}; otherwise with the URL's user, password and
 * sslmode.
 */
record ScratchWiring(
    ConnectionSource target,
    Scratch scratch,
    ScratchPreparer preparer,
    String database,
    String asRole,
    Clock clock) {

  static ScratchWiring of(MigrateProject project, Optional<String> scratchUrl) {
    Optional<ScratchUrl> url = scratchUrl.map(ScratchUrl::parse);
    TuskConfig cfg = project.config();
    MigrationsConfig m = project.migrations();
    Connector superuser = LocalServer.connector(cfg, Optional.empty());
    ConnectionSource target = ServerSource.of(superuser, m.database());
    Connector server = url.map(u -> connector(project.cli(), cfg, superuser, u)).orElse(superuser);
    Scratch scratch =
        url.map(u -> Scratch.given(server::open, u.database(), u.shown()))
            .orElseGet(() -> Scratch.create(server::open, new SecureRandom()));
    return new ScratchWiring(
        target,
        scratch,
        preparer(project.cli(), cfg, m, server),
        m.database(),
        m.asRole(),
        project.cli().clock());
  }

  /** {@code tusk migrate drift} over {@code files}. */
  Drift drift(MigrationSet files) {
    return new Drift(files, target, database, asRole, scratch, preparer, clock);
  }

  /** {@code tusk migrate validate --replay} over {@code files}. */
  Replay replay(MigrationSet files) {
    return new Replay(files, target, database, asRole, scratch, preparer, clock);
  }

  private static Connector connector(Cli cli, TuskConfig cfg, Connector superuser, ScratchUrl u) {
    Endpoint own = superuser.endpoint();
    boolean ownServer = u.host().equals(own.host()) && u.port() == own.port();
    if (ownServer && u.user().isEmpty() && u.password().isEmpty() && u.sslMode().isEmpty()) {
      return superuser;
    }
    Endpoint endpoint =
        new Endpoint(
            u.host(),
            u.port(),
            u.sslMode().orElse("prefer"),
            u.sslRootCert().map(p -> cli.workingDir().resolve(p)));
    return new Connector(
        endpoint,
        u.user().orElse(cfg.postgres().superuser()),
        new Secret(u.password().orElse(""), "--scratch-url"));
  }

  private static ScratchPreparer preparer(
      Cli cli, TuskConfig cfg, MigrationsConfig m, Connector server) {
    Optional<DatabaseConfig> db =
        cfg.databases().stream().filter(d -> d.name().equals(m.database())).findFirst();
    if (db.isEmpty()) {
      // The postgres database: bootstrap does not touch it, so neither is the scratch one.
      return ScratchPreparer.none();
    }
    TuskLog log =
        new TuskLog(cli.clock(), Optional.empty(), Optional.of(cli.err()), TuskLog.Level.WARN);
    Reconciler bootstrap =
        new Reconciler(server, new SecretStore(cfg.secretsDir(), new SecureRandom()), log);
    return name -> bootstrap.prepareCopy(cfg, db.get(), name);
  }
}
