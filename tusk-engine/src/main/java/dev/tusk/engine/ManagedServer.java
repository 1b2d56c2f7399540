package dev.tusk.engine;

import dev.tusk.core.config.PostgresConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.core.config.TlsMode;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.binaries.PostgresBinaries;
import dev.tusk.engine.init.DataDirectory;
import dev.tusk.engine.init.HbaConf;
import dev.tusk.engine.init.Initdb;
import dev.tusk.engine.init.PortCheck;
import dev.tusk.engine.init.PostgresConf;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.init.ServerLayout;
import dev.tusk.engine.os.Host;
import dev.tusk.engine.sql.Connector;
import dev.tusk.engine.sql.Endpoint;
import dev.tusk.engine.supervise.Launch;
import dev.tusk.engine.supervise.Supervisor;
import dev.tusk.engine.tls.TlsFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One PostgreSQL server that Tusk owns: checked, initialised, configured, started and supervised.
 * {@link #preflight()} does every check that can refuse a start without writing anything, so a bad
 * config or a taken port leaves the disk as it was; {@link #start()} then creates what is missing
 * and hands the process to the {@link Supervisor}.
 */
public final class ManagedServer {

  private final TuskConfig config;
  private final Host host;
  private final PostgresBinaries binaries;
  private final TlsProvider tls;
  private final SecretStore secrets;
  private final TuskLog log;
  private final Clock clock;
  private final ServerOptions options;
  private Supervisor supervisor;
  private Connector superuser;

  public ManagedServer(
      TuskConfig config,
      Host host,
      PostgresBinaries binaries,
      TlsProvider tls,
      SecretStore secrets,
      TuskLog log,
      Clock clock,
      ServerOptions options) {
    this.config = config;
    this.host = host;
    this.binaries = binaries;
    this.tls = tls;
    this.secrets = secrets;
    this.log = log;
    this.clock = clock;
    this.options = options;
  }

  /** Every check that can refuse a start; writes nothing. */
  public DataDirectory.State preflight() {
    PostgresConfig pg = config.postgres();
    DataDirectory data = new DataDirectory(pg.dataDir());
    DataDirectory.State state = data.inspect();
    DataDirectory.requireMajor(state, pg.dataDir(), binaries.major());
    if (state instanceof DataDirectory.Initialized) {
      data.requireNotRunning();
    }
    PortCheck.requireFree(pg.listen(), pg.port(), "postgres.port", "TUSK_POSTGRES_PORT");
    host.requireReachable(pg.dataDir(), "postgres.data_dir");
    host.requireReachable(binaries.binDir(), "the PostgreSQL binaries directory");
    // Rendering validates postgres.parameters; do it now so a bad value fails before initdb.
    PostgresConf.settings(pg, layout(Optional.empty()), options.machine(), binaries.major());
    return state;
  }

  /** Initialises if needed, writes the config files, starts and waits until ready. */
  public StartReport start() {
    Instant t0 = clock.instant();
    DataDirectory.State state = preflight();
    PostgresConfig pg = config.postgres();
    Secret password = secrets.passwordFor(pg.superuser(), pg.superuserPassword());
    makeHome();
    log.attachFile(config.logFile());
    Duration initdbTime = Duration.ZERO;
    boolean initialized = false;
    if (state instanceof DataDirectory.Uninitialized) {
      Instant i0 = clock.instant();
      log.info("engine", "initialising data directory", "dir", pg.dataDir().toString());
      new Initdb(host, binaries.bin("initdb"))
          .run(pg.dataDir(), pg.superuser(), password.value(), options.syncInitdb());
      initdbTime = Duration.between(i0, clock.instant());
      initialized = true;
    }
    Optional<TlsFiles> tlsFiles = tls.prepare(config);
    // The server's certificate and key are copied into the data directory, PostgreSQL's own
    // place for them, owned by its account. The TLS directory, with the CA's key, stays
    // readable by Tusk's user alone.
    tlsFiles.ifPresent(
        f -> {
          copyIntoDataDir(f.serverCert(), "server.crt");
          copyIntoDataDir(f.serverKey(), "server.key");
        });
    ServerLayout layout = layout(tlsFiles);
    writeConfigFile(
        "postgresql.conf", PostgresConf.render(pg, layout, options.machine(), binaries.major()));
    writeConfigFile(
        "pg_hba.conf", HbaConf.renderHba(pg.superuser(), pg.listen(), tlsFiles.isPresent()));
    writeConfigFile(
        "pg_ident.conf", HbaConf.renderIdent(host.postgresAccount().name(), pg.superuser()));
    new DataDirectory(pg.dataDir()).clearStalePid();
    superuser = new Connector(endpoint(tlsFiles), pg.superuser(), password);
    supervisor =
        new Supervisor(
            launch(),
            () -> {
              // postmaster.pid's status line says "ready" once the server accepts
              // connections: reading it is far cheaper than a TLS + scram attempt.
              new DataDirectory(pg.dataDir()).requireReadyStatus();
              try {
                superuser.open("postgres").close();
              } catch (java.sql.SQLException e) {
                if ("28P01".equals(e.getSQLState())) {
                  // Waiting will not fix a wrong password: say so now, not after the timeout.
                  throw new dev.tusk.core.error.ConfigException(
                      "engine.superuser_password",
                      "PostgreSQL refused the password for superuser "
                          + pg.superuser()
                          + " ("
                          + password.source()
                          + "); the data directory was initialised with another one",
                      "set postgres.superuser_password to the password the data directory was"
                          + " created with, or change it in PostgreSQL (ALTER ROLE) first");
                }
                throw e;
              }
            },
            log,
            clock,
            options.restart(),
            options.readyTimeout());
    supervisor.start();
    Duration total = Duration.between(t0, clock.instant());
    log.info(
        "engine",
        "PostgreSQL " + binaries.version() + " is ready",
        "port",
        pg.port(),
        "initialized",
        initialized,
        "ms",
        total.toMillis());
    return new StartReport(
        initialized, initdbTime, total, binaries.version(), superuser.endpoint());
  }

  /** Stops the server gracefully (smart, then fast, then immediate). */
  public void stop() {
    try {
      if (supervisor != null) {
        supervisor.stop(options.smartStop(), options.fastStop());
      }
    } finally {
      log.closeFile();
    }
  }

  public Supervisor supervisor() {
    return supervisor;
  }

  /** Connections as the superuser; available once {@link #start()} returned. */
  public Connector superuser() {
    return superuser;
  }

  private ServerLayout layout(Optional<TlsFiles> tlsFiles) {
    Path socketDir = Path.of(System.getProperty("java.io.tmpdir"));
    return new ServerLayout(
        config.postgres().dataDir(),
        tlsFiles.map(f -> config.postgres().dataDir().resolve("server.crt")),
        tlsFiles.map(f -> config.postgres().dataDir().resolve("server.key")),
        Optional.empty(), // ssl_ca_file would make the server ask clients for certificates
        socketDir);
  }

  private Endpoint endpoint(Optional<TlsFiles> tlsFiles) {
    String h = Endpoint.clientHost(config.postgres().listen());
    int port = config.postgres().port();
    if (tlsFiles.isEmpty()) {
      return new Endpoint(h, port, "disable", Optional.empty());
    }
    if (config.postgres().tls().mode() == TlsMode.AUTO) {
      return new Endpoint(h, port, "verify-full", tlsFiles.get().caCert());
    }
    return new Endpoint(h, port, "require", Optional.empty());
  }

  private Launch launch() {
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      // Its own session: a Ctrl-C in the terminal reaches Tusk, which then stops PostgreSQL
      // in order, instead of reaching PostgreSQL directly as a fast shutdown.
      cmd.add("/usr/bin/setsid");
    }
    cmd.addAll(
        host.asPostgres(
            List.of(
                binaries.bin("postgres").toString(),
                "-D",
                config.postgres().dataDir().toString())));
    return new Launch(cmd, config.postgres().dataDir(), Map.of("LC_ALL", "C"));
  }

  private void makeHome() {
    try {
      Path home = config.home();
      Files.createDirectories(home);
      Path parent = config.postgres().dataDir().getParent();
      Files.createDirectories(parent);
      if (host.postgresAccount().switched()) {
        // Under a restrictive umask (077) the new directories would shut out the PostgreSQL
        // account; it needs to pass through them (x), not to list or write them.
        for (Path dir : List.of(home, parent)) {
          var perms = new java.util.HashSet<>(Files.getPosixFilePermissions(dir));
          perms.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
          Files.setPosixFilePermissions(dir, perms);
        }
      }
    } catch (IOException e) {
      throw new OperationException(
          "engine.home_io",
          "could not create " + config.home() + ": " + e.getMessage(),
          "check that cluster.home is writable",
          e);
    }
  }

  private void copyIntoDataDir(Path source, String name) {
    try {
      writeConfigFile(name, Files.readString(source, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new OperationException(
          "engine.tls_copy",
          "could not read " + source + ": " + e.getMessage(),
          "check the TLS files' permissions",
          e);
    }
  }

  private void writeConfigFile(String name, String text) {
    Path target = config.postgres().dataDir().resolve(name);
    try {
      Path tmp = Files.createTempFile(target.getParent(), "." + name, ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      host.giveToPostgres(tmp, false);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new OperationException(
          "engine.config_io",
          "could not write " + target + ": " + e.getMessage(),
          "check the data directory's permissions",
          e);
    }
  }
}
