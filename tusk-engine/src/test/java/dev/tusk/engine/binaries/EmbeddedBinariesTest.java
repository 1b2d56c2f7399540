package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real embedded archive (about 15 MB, a few seconds to unpack). Four unpacks in all: one
 * shared, one repair, one raced by two threads, one raced by two processes.
 */
class EmbeddedBinariesTest {

  @TempDir static Path shared;
  static Resolution first;

  @TempDir Path own;

  @BeforeAll
  static void unpackOnce() {
    first = resolver(shared).resolveTimed(Configs.embedded(BinaryResolver.embeddedMajor()));
  }

  static BinaryResolver resolver(Path cache) {
    return new BinaryResolver(cache, Clock.systemUTC());
  }

  @Test
  void unpackedPostgresRunsAndIsTheEmbeddedMajor() throws Exception {
    assertThat(first.source()).isEqualTo(Resolution.Source.UNPACKED);
    PostgresBinaries bin = first.binaries();
    assertThat(bin.major()).isEqualTo(18);
    for (String program : PostgresBinaries.REQUIRED_PROGRAMS) {
      assertThat(Files.isExecutable(bin.bin(program))).as(program).isTrue();
    }
    PostgresVersion ran =
        PostgresVersion.parseServerOutput(run(bin.bin("postgres"), "--version")).orElseThrow();
    assertThat(ran.major()).isEqualTo(18);
    assertThat(ran.text()).isEqualTo(bin.version());
    assertThat(run(bin.bin("initdb"), "--version")).contains("(PostgreSQL) " + bin.version());
    assertThat(bin.shareDir())
        .hasValueSatisfying(d -> assertThat(d.resolve("extension")).isDirectory());
    assertThat(bin.libDir())
        .hasValueSatisfying(d -> assertThat(d.resolve("plpgsql.so")).isRegularFile());
  }

  @Test
  void secondResolveReusesTheCache() {
    Resolution again = resolver(shared).resolveTimed(Configs.embedded(18));
    assertThat(again.source()).isEqualTo(Resolution.Source.CACHED);
    assertThat(again.binaries()).isEqualTo(first.binaries());
  }

  /** As root, PostgreSQL runs as another user: it must read and execute everything unpacked. */
  @Test
  void everythingIsReadableByOthers() throws IOException {
    Path dir = first.binaries().binDir().getParent();
    assertThat(perms(dir))
        .contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
    int links = 0;
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path p : tree.toList()) {
        if (Files.isSymbolicLink(p)) {
          links++;
          assertThat(p.toRealPath()).startsWith(dir.toRealPath());
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          assertThat(perms(p))
              .as(p.toString())
              .contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        } else {
          assertThat(perms(p)).as(p.toString()).contains(PosixFilePermission.OTHERS_READ);
        }
      }
    }
    assertThat(links).as("the .so symlinks").isPositive();
    assertThat(perms(dir.resolve("bin/postgres"))).contains(PosixFilePermission.OTHERS_EXECUTE);
    assertThat(perms(dir.resolve("lib/libpq.so.5.18")))
        .contains(PosixFilePermission.OTHERS_EXECUTE);
  }

  @Test
  void truncatedBinaryIsDetectedAndRepaired() throws Exception {
    Path copy = copyTree(shared, own.resolve("cache"));
    Path postgres = copy.resolve(shared.relativize(first.binaries().bin("postgres")));
    long size = Files.size(postgres);
    try (var ch = Files.newByteChannel(postgres, StandardOpenOption.WRITE)) {
      ch.truncate(size / 2);
    }

    Resolution repaired = resolver(copy).resolveTimed(Configs.embedded(18));

    assertThat(repaired.source()).isEqualTo(Resolution.Source.UNPACKED);
    assertThat(repaired.binaries().bin("postgres")).isEqualTo(postgres);
    assertThat(Files.size(postgres)).isEqualTo(size);
    assertThat(run(postgres, "--version")).contains("(PostgreSQL) 18");
  }

  @Test
  void twoThreadsAtOnceLeaveOneValidCache() throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Resolution>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
      for (int i = 0; i < 2; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return resolver(own).resolveTimed(Configs.embedded(18));
                }));
      }
    }
    Resolution a = results.get(0).get();
    Resolution b = results.get(1).get();
    assertThat(List.of(a.source(), b.source()))
        .containsExactlyInAnyOrder(Resolution.Source.UNPACKED, Resolution.Source.CACHED);
    assertThat(a.binaries()).isEqualTo(b.binaries());
    assertOneValidCache(own);
  }

  @Test
  void twoProcessesAtOnceLeaveOneValidCache() throws Exception {
    Path go = own.resolve("go");
    Path cache = own.resolve("cache");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ResolveInChild.class.getName(),
                cache.toString(),
                go.toString())
            .redirectError(own.resolve("child.err").toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("READY");
      Files.createFile(go);
      Resolution mine = resolver(cache).resolveTimed(Configs.embedded(18));
      String theirs = out.readLine();
      assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as(Files.readString(own.resolve("child.err"))).isZero();

      String expectedOther = mine.source() == Resolution.Source.UNPACKED ? "CACHED" : "UNPACKED";
      assertThat(mine.source()).isIn(Resolution.Source.UNPACKED, Resolution.Source.CACHED);
      assertThat(theirs).isEqualTo(expectedOther + " " + mine.binaries().binDir());
    } finally {
      child.destroyForcibly();
    }
    assertOneValidCache(cache);
  }

  private static void assertOneValidCache(Path cache) throws Exception {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(cache)) {
      dirs =
          s.filter(p -> !p.getFileName().toString().endsWith(".lock"))
              .filter(p -> !p.getFileName().toString().equals(".fingerprints"))
              .toList();
    }
    assertThat(dirs).hasSize(1);
    CacheManifest manifest = CacheManifest.read(dirs.get(0)).orElseThrow();
    assertThat(manifest.firstProblem(dirs.get(0))).isEmpty();
    assertThat(run(dirs.get(0).resolve("bin/postgres"), "--version")).contains("(PostgreSQL) 18");
  }

  private static String run(Path program, String arg) throws Exception {
    Process p = new ProcessBuilder(program.toString(), arg).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static Set<PosixFilePermission> perms(Path p) throws IOException {
    return Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
  }

  private static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path p : tree.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(dest);
          Files.setPosixFilePermissions(dest, perms(p));
        } else {
          Files.copy(p, dest, LinkOption.NOFOLLOW_LINKS, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }
}
