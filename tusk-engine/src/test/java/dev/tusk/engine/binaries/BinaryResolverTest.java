package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.core.error.ConfigException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver's decisions; none of these unpack the real archive. */
class BinaryResolverTest {

  @TempDir Path cache;

  BinaryResolver resolver() {
    return new BinaryResolver(cache, Clock.systemUTC());
  }

  @Test
  void embeddedMajorComesFromTheFilteredProperties() {
    assertThat(EmbeddedArchive.embeddedVersion(getClass().getClassLoader()))
        .matches("\\d+\\.\\d+\\.\\d+");
    assertThat(BinaryResolver.embeddedMajor()).isEqualTo(18);
    assertThat(BinaryResolver.embeddedVersion().text()).startsWith("18.");
  }

  @Test
  void versionTheBuildDoesNotEmbedIsAConfigErrorBeforeUnpacking() throws Exception {
    assertThatThrownBy(() -> resolver().resolve(Configs.embedded(17)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("binaries.version_mismatch");
              assertThat(e.getMessage())
                  .isEqualTo("postgres.version is 17 but this build embeds PostgreSQL 18");
              assertThat(e.hint())
                  .contains(
                      "set postgres.version: 18, or postgres.bin_dir to a PostgreSQL 17 installation");
            });
    try (var s = Files.list(cache)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void binDirWinsOverTheEmbeddedArchive() {
    Path debian = SystemBinariesTest.DEBIAN_15;
    assumeTrue(Files.isExecutable(debian.resolve("postgres")), "system PostgreSQL not installed");
    // version 18 (the default) with a PostgreSQL 15 bin_dir: bin_dir decides, nothing unpacks
    Resolution r = resolver().resolveTimed(Configs.postgres(18, Optional.of(debian)));
    assertThat(r.source()).isEqualTo(Resolution.Source.SYSTEM);
    assertThat(r.binaries().major()).isEqualTo(15);
    assertThat(cache).isEmptyDirectory();
  }

  @Test
  void missingBinDirIsAConfigErrorNamingThePath() {
    Path missing = cache.resolve("nowhere/bin");
    assertThatThrownBy(() -> resolver().resolve(Configs.postgres(18, Optional.of(missing))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void buildWithoutTheArchiveTellsTheUserToSetBinDir() throws Exception {
    ClassLoader onlyProperties =
        new URLClassLoader(new URL[0], null) {
          @Override
          public URL getResource(String name) {
            return name.equals(EmbeddedArchive.PROPERTIES)
                ? BinaryResolverTest.class.getClassLoader().getResource(name)
                : null;
          }

          @Override
          public java.io.InputStream getResourceAsStream(String name) {
            return name.equals(EmbeddedArchive.PROPERTIES)
                ? BinaryResolverTest.class.getClassLoader().getResourceAsStream(name)
                : null;
          }
        };
    for (ClassLoader loader :
        new ClassLoader[] {onlyProperties, new URLClassLoader(new URL[0], null)}) {
      BinaryResolver r = new BinaryResolver(cache, Clock.systemUTC(), loader, Platform::current);
      assertThatThrownBy(() -> r.resolve(Configs.embedded(18)))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e -> {
                assertThat(e.code()).isEqualTo("binaries.not_embedded");
                assertThat(e.hint())
                    .hasValueSatisfying(h -> assertThat(h).contains("postgres.bin_dir"));
              });
    }
  }

  @Test
  void otherPlatformsArchiveIsNotOnThisClasspath() {
    BinaryResolver r =
        new BinaryResolver(
            cache,
            Clock.systemUTC(),
            getClass().getClassLoader(),
            () -> Platform.of("Mac OS X", "aarch64"));
    assertThatThrownBy(() -> r.resolve(Configs.embedded(18)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("postgres-darwin-arm_64.txz is not on the classpath");
  }

  @Test
  void defaultCacheRoot() {
    Path home = Path.of("/home/ann");
    assertThat(BinaryResolver.defaultCacheRoot(Map.of("HOME", "/home/ann"), false))
        .isEqualTo(home.resolve(".cache/tusk/postgres"));
    assertThat(
            BinaryResolver.defaultCacheRoot(
                Map.of("HOME", "/home/ann", "XDG_CACHE_HOME", "/xdg"), false))
        .isEqualTo(Path.of("/xdg/tusk/postgres"));
    assertThat(
            BinaryResolver.defaultCacheRoot(
                Map.of("HOME", "/home/ann", "XDG_CACHE_HOME", "relative"), false))
        .as("relative XDG paths are ignored, as the spec says")
        .isEqualTo(home.resolve(".cache/tusk/postgres"));
    assertThat(
            BinaryResolver.defaultCacheRoot(
                Map.of("HOME", "/root", "XDG_CACHE_HOME", "/root/.c"), true))
        .isEqualTo(Path.of("/var/cache/tusk/postgres"));
    assertThat(BinaryResolver.defaultCacheRoot(Map.of("TUSK_CACHE_DIR", "/srv/tusk-cache"), true))
        .isEqualTo(Path.of("/srv/tusk-cache/postgres"));
    assertThat(BinaryResolver.defaultCacheRoot(Map.of(), false))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".cache/tusk/postgres"));
  }

  @Test
  void rootIsDetected() {
    boolean root = "root".equals(System.getProperty("user.name"));
    // user.name is one of two signals; when it says root, uid 0 must agree on this machine
    if (root) {
      assertThat(BinaryResolver.runningAsRoot()).isTrue();
    } else {
      assertThat(BinaryResolver.runningAsRoot()).isEqualTo(uidIsZero());
    }
  }

  private static boolean uidIsZero() {
    try {
      Process p = new ProcessBuilder("id", "-u").start();
      return new String(p.getInputStream().readAllBytes()).strip().equals("0");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
