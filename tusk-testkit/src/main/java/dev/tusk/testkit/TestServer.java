package dev.tusk.testkit;

import dev.tusk.core.config.AdminConfig;
import dev.tusk.core.config.ClusterConfig;
import dev.tusk.core.config.PostgresConfig;
import dev.tusk.core.config.TlsConfig;
import dev.tusk.core.config.TlsMode;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.ManagedServer;
import dev.tusk.engine.ServerOptions;
import dev.tusk.engine.ServerTls;
import dev.tusk.engine.StartReport;
import dev.tusk.engine.binaries.BinaryResolver;
import dev.tusk.engine.binaries.PostgresBinaries;
import dev.tusk.engine.init.MachineFacts;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.os.Host;
import dev.tusk.engine.sql.Connector;
import dev.tusk.engine.supervise.RestartPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server for a whole test run, started through the engine exactly as {@code
 * tusk up} starts it (embedded binaries, initdb, TLS on, scram), under a fresh temporary home. Each
 * test class gets its own database from {@link #newDatabase}. When the tests run as root, the
 * server runs as the {@code postgres} OS user, as in production.
 */
public final class TestServer implements ExtensionContext.Store.CloseableResource {

  private final Path home;
  private final TuskConfig config;
  private final ManagedServer server;
  private final StartReport lastStart;
  private final AtomicInteger databases = new AtomicInteger();

  private TestServer(Path home, TuskConfig config, ManagedServer server, StartReport lastStart) {
    this.home = home;
    this.config = config;
    this.server = server;
    this.lastStart = lastStart;
  }

  /** Starts a server on a free loopback port under a new temporary home. */
  public static TestServer start() {
    try {
      Path home = Files.createTempDirectory("tusk-testkit-");
      // createTempDirectory makes 0700; the PostgreSQL OS user must be able to reach pgdata.
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
      return start(config(home, freePort()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a server for {@code config} (its home must exist). */
  public static TestServer start(TuskConfig config) {
    ManagedServer server = managed(config);
    StartReport report = server.start();
    return new TestServer(config.home(), config, server, report);
  }

  /** Starts this server's data directory again after {@link ManagedServer#stop()}. */
  public TestServer restart() {
    return start(config);
  }

  /** A second, unstarted server for the same config: for testing refusals. */
  public ManagedServer newServerOnSameHome() {
    return managed(config);
  }

  /** A managed server for {@code config}, built as {@code tusk up} builds it; not started. */
  public static ManagedServer managed(TuskConfig config) {
    Clock clock = Clock.systemUTC();
    TuskLog log =
        new TuskLog(
            clock,
            Optional.of(config.home().resolve("tusk.log")),
            Optional.empty(),
            TuskLog.Level.WARN);
    BinaryResolver resolver =
        new BinaryResolver(
            BinaryResolver.defaultCacheRoot(System.getenv(), BinaryResolver.runningAsRoot()),
            clock);
    PostgresBinaries binaries = resolver.resolve(config.postgres());
    ServerOptions options =
        new ServerOptions(
            new MachineFacts(1024L * 1024 * 1024, 2),
            false,
            Duration.ofSeconds(120),
            new RestartPolicy(
                Duration.ofMillis(200), Duration.ofSeconds(2), 5, Duration.ofMinutes(1)),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10));
    return new ManagedServer(
        config,
        Host.detect(config.postgres().osUser()),
        binaries,
        new ServerTls(clock, log),
        new SecretStore(config.secretsDir(), new SecureRandom()),
        log,
        clock,
        options);
  }

  /** A config like the defaults, under {@code home}, on {@code port}, with no databases. */
  public static TuskConfig config(Path home, int port) {
    return new TuskConfig(
        Optional.empty(),
        new ClusterConfig("db-testkit-test", home),
        new PostgresConfig(
            BinaryResolver.embeddedMajor(),
            Optional.empty(),
            home.resolve("pgdata"),
            "127.0.0.1",
            port,
            "postgres",
            "postgres",
            Optional.empty(),
            Map.of(),
            new TlsConfig(
                TlsMode.AUTO,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty())),
        List.of(),
        List.of(),
        new AdminConfig(false, "127.0.0.1", 0),
        Optional.empty(),
        Optional.empty());
  }

  /** A loopback port nobody listens on right now. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates an empty database named after {@code owner} (a test class) and returns it. */
  public TestDatabase newDatabase(String owner) {
    String base = owner.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT);
    String name =
        "t" + databases.incrementAndGet() + "_" + base.substring(0, Math.min(base.length(), 50));
    try (Connection c = server.superuser().open("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return new TestDatabase(name, this);
  }

  public Connector superuser() {
    return server.superuser();
  }

  public ManagedServer server() {
    return server;
  }

  public TuskConfig config() {
    return config;
  }

  /** What the last start did. */
  public StartReport lastStart() {
    return lastStart;
  }

  public Path home() {
    return home;
  }

  @Override
  public void close() {
    server.stop();
    try (var walk = Files.walk(home)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
