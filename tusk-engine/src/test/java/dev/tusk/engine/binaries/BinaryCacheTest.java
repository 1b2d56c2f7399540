package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.OperationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache with small archives built here; EmbeddedBinariesTest uses the real one. */
class BinaryCacheTest {

  @TempDir Path root;

  final TestArchive archive =
      new TestArchive()
          .file("bin/postgres", "#!/bin/sh\necho 'postgres (PostgreSQL) 18.3'\n", 0755)
          .symlink("lib/libpq.so", "libpq.so.5")
          .file("lib/libpq.so.5", "library", 0755);

  BinaryCache cache() {
    return new BinaryCache(
        root, new SafeTarExtractor(SafeTarExtractor.Limits.DEFAULT), Clock.systemUTC());
  }

  @Test
  void unpacksOnceIntoVersionAndHashThenReuses() throws Exception {
    byte[] txz = archive.txz();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(txz));

    BinaryCache.Result first = cache().ensure(TestArchive.bytes("a.txz", "18.3.0", txz));
    BinaryCache.Result second = cache().ensure(TestArchive.bytes("a.txz", "18.3.0", txz));

    assertThat(first.unpacked()).isTrue();
    assertThat(second.unpacked()).isFalse();
    assertThat(first.dir()).isEqualTo(root.resolve("18.3.0-" + sha.substring(0, 12)));
    assertThat(second.dir()).isEqualTo(first.dir());
    assertThat(CacheManifest.read(first.dir()).orElseThrow().sha256()).isEqualTo(sha);
    assertThat(Files.isExecutable(first.dir().resolve("bin/postgres"))).isTrue();
    assertThat(Files.readString(first.dir().resolve("lib/libpq.so"))).isEqualTo("library");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void anotherArchiveUnderTheSameVersionGetsItsOwnDirectory() {
    Path a = cache().ensure(archive.source("18.3.0")).dir();
    Path b = cache().ensure(new TestArchive().file("x", "y", 0644).source("18.3.0")).dir();
    assertThat(b).isNotEqualTo(a);
    assertThat(a.resolve("bin/postgres")).exists();
  }

  @Test
  void damagedDirectoryIsUnpackedAgainNeverUsed() throws IOException {
    ArchiveSource source = archive.source("18.3.0");
    Path dir = cache().ensure(source).dir();

    Files.delete(dir.resolve("lib/libpq.so.5"));
    assertThat(cache().ensure(source).unpacked()).isTrue();
    assertThat(Files.readString(dir.resolve("lib/libpq.so.5"))).isEqualTo("library");

    Files.writeString(dir.resolve("bin/postgres"), "#!/bin/sh\n");
    assertThat(cache().ensure(source).unpacked()).isTrue();
    assertThat(Files.readString(dir.resolve("bin/postgres"))).contains("18.3");

    Files.delete(dir.resolve(CacheManifest.FILE_NAME));
    Files.writeString(dir.resolve("stray"), "left by someone");
    assertThat(cache().ensure(source).unpacked()).isTrue();
    assertThat(dir.resolve("stray")).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void leftoversOfACrashedUnpackAreRemoved() throws IOException {
    ArchiveSource source = archive.source("18.3.0");
    Path dir = cache().ensure(source).dir();
    Path crashed = Files.createDirectories(root.resolve(".tmp-" + dir.getFileName() + "-123/bin"));
    Files.writeString(crashed.resolve("postgres"), "half");
    Files.delete(dir.resolve(CacheManifest.FILE_NAME));

    cache().ensure(source);
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void hostileArchiveIsRefusedAndLeavesNothing() {
    ArchiveSource evil =
        new TestArchive()
            .file("bin/postgres", "x", 0755)
            .file("../../evil", "x", 0644)
            .source("1.2.3");
    assertThatThrownBy(() -> cache().ensure(evil))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("binaries.unsafe_archive");
              assertThat(e.getMessage())
                  .isEqualTo("refused to unpack test.txz: ../../evil: '..' in the path");
            });
    assertThat(root.getParent().resolve("evil")).doesNotExist();
    assertThat(versionDirs()).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void corruptOrTruncatedArchiveIsAnUnpackFailure() {
    byte[] txz = archive.txz();
    byte[] flipped = txz.clone();
    flipped[flipped.length / 2] ^= 0x55;
    for (byte[] bad : List.of(Arrays.copyOf(txz, txz.length / 2), flipped, "not xz".getBytes())) {
      assertThatThrownBy(() -> cache().ensure(TestArchive.bytes("bad.txz", "1.2.3", bad)))
          .isInstanceOfSatisfying(
              OperationException.class,
              e -> {
                assertThat(e.code()).isEqualTo("binaries.unpack_failed");
                assertThat(e.getMessage()).startsWith("PostgreSQL archive bad.txz: cannot unpack");
              });
    }
    assertThat(versionDirs()).isEmpty();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void archiveThatChangesBetweenReadsIsRefused() {
    byte[] one = archive.txz();
    byte[] two = new TestArchive().file("other", "x", 0644).txz();
    AtomicInteger opens = new AtomicInteger();
    ArchiveSource flaky =
        new ArchiveSource() {
          public String name() {
            return "flaky.txz";
          }

          public String version() {
            return "1.2.3";
          }

          public InputStream open() {
            return new ByteArrayInputStream(opens.getAndIncrement() == 0 ? one : two);
          }
        };
    assertThatThrownBy(() -> cache().ensure(flaky))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> assertThat(e.code()).isEqualTo("binaries.archive_changed"));
    assertThat(versionDirs()).isEmpty();
  }

  @Test
  void unwritableCacheRootIsNamed() throws IOException {
    Path blocked = Files.writeString(root.resolve("file"), "in the way");
    BinaryCache cache =
        new BinaryCache(
            blocked.resolve("cache"),
            new SafeTarExtractor(SafeTarExtractor.Limits.DEFAULT),
            Clock.systemUTC());
    assertThatThrownBy(() -> cache.ensure(archive.source("1.2.3")))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("binaries.unpack_failed");
              assertThat(e.getMessage()).contains(blocked.resolve("cache").toString());
            });
  }

  @Test
  void manyThreadsAtOnceUnpackExactlyOnce() throws Exception {
    ArchiveSource source = archive.source("18.3.0");
    int n = 8;
    CyclicBarrier start = new CyclicBarrier(n);
    List<Future<BinaryCache.Result>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
      for (int i = 0; i < n; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return cache().ensure(source);
                }));
      }
    }
    int unpacked = 0;
    for (Future<BinaryCache.Result> r : results) {
      unpacked += r.get().unpacked() ? 1 : 0;
    }
    assertThat(unpacked).isEqualTo(1);
    assertThat(versionDirs()).hasSize(1);
  }

  private List<Path> versionDirs() {
    return list().filter(p -> !p.getFileName().toString().startsWith(".")).toList();
  }

  private List<Path> leftovers() {
    return list().filter(p -> p.getFileName().toString().matches("\\.(tmp|old)-.*")).toList();
  }

  private Stream<Path> list() {
    try (Stream<Path> s = Files.list(root)) {
      return s.toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
