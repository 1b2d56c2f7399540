package dev.tusk.engine.binaries;

import dev.tusk.core.config.PostgresConfig;
import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that decides which PostgreSQL programs Tusk runs: the system installation in {@code
 * postgres.bin_dir} when it is set, otherwise the archive embedded in this build, unpacked once
 * into a per-user cache. A {@code postgres.version} the build cannot honour is a config error
 * before anything is unpacked.
 */
public final class BinaryResolver {

  private final BinaryCache cache;
  private final SystemBinaries system;
  private final ClassLoader loader;
  private final Supplier<Platform> platform;
  private final Clock clock;

  /** Resolves with this build's embedded archive for this machine, unpacking under cacheRoot. */
  public BinaryResolver(Path cacheRoot, Clock clock) {
    this(cacheRoot, clock, BinaryResolver.class.getClassLoader(), Platform::current);
  }

  /** As above, with the classpath and platform given (tests use an empty one, or another OS). */
  public BinaryResolver(
      Path cacheRoot, Clock clock, ClassLoader loader, Supplier<Platform> platform) {
    this.cache =
        new BinaryCache(cacheRoot, new SafeTarExtractor(SafeTarExtractor.Limits.DEFAULT), clock);
    this.system = new SystemBinaries(Duration.ofSeconds(30));
    this.loader = loader;
    this.platform = platform;
    this.clock = clock;
  }

  /** The binaries for {@code cfg}; see {@link #resolveTimed}. */
  public PostgresBinaries resolve(PostgresConfig cfg) {
    return resolveTimed(cfg).binaries();
  }

  /**
   * The binaries for {@code cfg}, where they came from and how long it took.
   *
   * @throws ConfigException for a bin_dir that is not a usable PostgreSQL, a version this build
   *     does not embed, or a machine this build has no archive for
   * @throws dev.tusk.core.error.OperationException when unpacking or running postgres fails
   */
  public Resolution resolveTimed(PostgresConfig cfg) {
    Instant start = clock.instant();
    Optional<Path> binDir = cfg.binDir();
    if (binDir.isPresent()) {
      PostgresBinaries found = system.inspect(binDir.get());
      return new Resolution(
          found, Resolution.Source.SYSTEM, Duration.between(start, clock.instant()));
    }
    String artifact = EmbeddedArchive.embeddedVersion(loader);
    PostgresVersion embedded = PostgresVersion.ofBinariesArtifact(artifact);
    if (cfg.version() != embedded.major()) {
      throw new ConfigException(
          "binaries.version_mismatch",
          "postgres.version is "
              + cfg.version()
              + " but this build embeds PostgreSQL "
              + embedded.major(),
          "set postgres.version: "
              + embedded.major()
              + ", or postgres.bin_dir to a PostgreSQL "
              + cfg.version()
              + " installation");
    }
    EmbeddedArchive archive = EmbeddedArchive.find(loader, platform.get());
    BinaryCache.Result r = cache.ensure(archive);
    PostgresBinaries found =
        new PostgresBinaries(r.dir().resolve("bin"), embedded.text(), embedded.major());
    return new Resolution(
        found,
        r.unpacked() ? Resolution.Source.UNPACKED : Resolution.Source.CACHED,
        Duration.between(start, clock.instant()));
  }

  /** Where this resolver unpacks. */
  public Path cacheRoot() {
    return cache.root();
  }

  /**
   * The PostgreSQL major version this build embeds (18 for binaries 18.3.0), read without
   * unpacking.
   */
  public static int embeddedMajor() {
    return embeddedVersion().major();
  }

  /** The PostgreSQL version this build embeds, e.g. {@code 18.3}. */
  public static PostgresVersion embeddedVersion() {
    return PostgresVersion.ofBinariesArtifact(
        EmbeddedArchive.embeddedVersion(BinaryResolver.class.getClassLoader()));
  }

  /**
   * The cache directory: {@code $TUSK_CACHE_DIR/postgres} when set; {@code
   * /var/cache/tusk/postgres} as root (PostgreSQL then runs as a user who cannot enter {@code
   * /root}); else {@code $XDG_CACHE_HOME/tusk/postgres} or {@code ~/.cache/tusk/postgres}.
   */
  public static Path defaultCacheRoot(Map<String, String> env, boolean runningAsRoot) {
    String override = env.getOrDefault("TUSK_CACHE_DIR", "");
    if (!override.isBlank()) {
      return Path.of(override).toAbsolutePath().resolve("postgres");
    }
    if (runningAsRoot) {
      return Path.of("/var/cache/tusk/postgres");
    }
    String xdg = env.getOrDefault("XDG_CACHE_HOME", "");
    if (!xdg.isBlank() && Path.of(xdg).isAbsolute()) { // the XDG spec ignores relative paths
      return Path.of(xdg, "tusk", "postgres");
    }
    String home = env.getOrDefault("HOME", "");
    if (home.isBlank()) {
      home = System.getProperty("user.home");
    }
    return Path.of(home, ".cache", "tusk", "postgres");
  }

  /** Whether this process runs as root (uid 0). */
  public static boolean runningAsRoot() {
    return ProcessOwner.isRoot();
  }
}
