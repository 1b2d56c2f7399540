package dev.tusk.engine.binaries;

import dev.tusk.core.error.OperationException;
import dev.tusk.core.util.Sha256;
import dev.tusk.engine.binaries.SafeTarExtractor.UnsafeArchiveException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks an archive once into {@code <root>/<version>-<sha256 prefix>/} and reuses it after that.
 * The archive is hashed on every call (about 15 MB, tens of milliseconds) so that a different
 * archive under the same version never reuses a stale directory. Unpacking happens under {@link
 * CacheLock} into a temporary sibling that is renamed into place only once its {@link
 * CacheManifest} is written, so a crash or a concurrent start never leaves a directory that looks
 * complete and is not; a damaged directory fails the manifest check and is unpacked again.
 */
final class BinaryCache {

  /** What {@link #ensure} found or did, and how long it took (hashing and waiting included). */
  record Result(Path dir, boolean unpacked, Duration elapsed) {}

  private static final int XZ_MEMORY_LIMIT_KIB = 256 * 1024;

  private final Path root;
  private final SafeTarExtractor extractor;
  private final Clock clock;

  BinaryCache(Path root, SafeTarExtractor extractor, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.extractor = extractor;
    this.clock = clock;
  }

  Path root() {
    return root;
  }

  /** The unpacked directory for {@code source}, unpacking it first if it is missing or damaged. */
  @SuppressWarnings("try") // the lock is held for the block's duration, never read
  Result ensure(ArchiveSource source) {
    Instant start = clock.instant();
    java.util.Optional<String> known = rememberedHash(source);
    if (known.isPresent()) {
      Path knownDir = root.resolve(source.version() + "-" + known.get().substring(0, 12));
      if (isComplete(knownDir, known.get())) {
        return new Result(knownDir, false, Duration.between(start, clock.instant()));
      }
    }
    String sha = hashBytes(source);
    fingerprintFile(source).ifPresent(f -> remember(f, sha));
    String name = source.version() + "-" + sha.substring(0, 12);
    Path dir = root.resolve(name);
    if (isComplete(dir, sha)) {
      return new Result(dir, false, Duration.between(start, clock.instant()));
    }
    try {
      FileModes.createDirectories(root);
    } catch (IOException e) {
      throw failed(source, "cannot create the cache directory " + root + ": " + e, e);
    }
    try (CacheLock lock = CacheLock.acquire(root.resolve("." + name + ".lock"))) {
      if (isComplete(dir, sha)) {
        return new Result(dir, false, Duration.between(start, clock.instant()));
      }
      removeLeftovers(name);
      Path tmp = Files.createTempDirectory(root, ".tmp-" + name + "-");
      try {
        FileModes.setDir(tmp);
        List<CacheManifest.Entry> entries = unpack(source, sha, tmp);
        new CacheManifest(sha, entries).write(tmp);
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
          Path old = Files.createTempDirectory(root, ".old-" + name + "-");
          Files.move(dir, old.resolve("damaged"));
          FileModes.deleteRecursively(old);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        deleteQuietly(tmp); // gone after the move; a leftover is removed by the next unpack
      }
    } catch (UnsafeArchiveException e) {
      throw new OperationException(
          "binaries.unsafe_archive",
          "refused to unpack " + source.name() + ": " + e.getMessage(),
          "the archive is damaged or was tampered with: reinstall Tusk, or set postgres.bin_dir"
              + " to a system PostgreSQL installation",
          e);
    } catch (IOException e) {
      throw failed(source, "cannot unpack it into " + dir + ": " + e, e);
    }
    return new Result(dir, true, Duration.between(start, clock.instant()));
  }

  private static void deleteQuietly(Path p) {
    try {
      FileModes.deleteRecursively(p);
    } catch (IOException e) {
      // removeLeftovers() tries again next time; the original failure matters more
    }
  }

  private static boolean isComplete(Path dir, String sha) {
    return CacheManifest.read(dir)
        .filter(m -> m.sha256().equals(sha))
        .filter(m -> m.firstProblem(dir).isEmpty())
        .isPresent();
  }

  /** Temporary and replaced directories of a crashed run; only called while holding the lock. */
  private void removeLeftovers(String name) throws IOException {
    List<Path> stale;
    try (Stream<Path> list = Files.list(root)) {
      stale =
          list.filter(
                  p -> {
                    String f = p.getFileName().toString();
                    return f.startsWith(".tmp-" + name + "-") || f.startsWith(".old-" + name + "-");
                  })
              .toList();
    }
    for (Path p : stale) {
      FileModes.deleteRecursively(p);
    }
  }

  private List<CacheManifest.Entry> unpack(ArchiveSource source, String expectedSha, Path tmp)
      throws IOException {
    MessageDigest digest = Sha256.digest();
    List<CacheManifest.Entry> entries;
    try (InputStream raw = source.open();
        DigestInputStream hashed =
            new DigestInputStream(new BufferedInputStream(raw, 1 << 16), digest);
        XZInputStream xz = new XZInputStream(hashed, XZ_MEMORY_LIMIT_KIB)) {
      entries = extractor.extract(xz, tmp);
      xz.transferTo(OutputStream.nullOutputStream()); // the tar's padding and the xz checks
      hashed.transferTo(OutputStream.nullOutputStream());
    }
    String got = HexFormat.of().formatHex(digest.digest());
    if (!got.equals(expectedSha)) {
      throw new OperationException(
          "binaries.archive_changed",
          source.name()
              + " changed while Tusk was reading it (sha256 "
              + expectedSha
              + ", then "
              + got
              + ")",
          "run the command again; if it keeps happening, reinstall Tusk");
    }
    return entries;
  }

  /**
   * The SHA-256 recorded for this archive's fingerprint, if any. It is only a hint: it is used when
   * it names a complete, verified cache directory, and otherwise the bytes are hashed.
   */
  private java.util.Optional<String> rememberedHash(ArchiveSource source) {
    return fingerprintFile(source)
        .flatMap(
            f -> {
              try {
                String sha = Files.readString(f).strip();
                return sha.matches("[0-9a-f]{64}")
                    ? java.util.Optional.of(sha)
                    : java.util.Optional.empty();
              } catch (IOException e) {
                return java.util.Optional.empty();
              }
            });
  }

  private java.util.Optional<Path> fingerprintFile(ArchiveSource source) {
    return source.fingerprint().map(f -> root.resolve(".fingerprints").resolve(Sha256.hex(f)));
  }

  /** Best effort: a fingerprint that cannot be recorded only costs a hash next time. */
  private static void remember(Path file, String sha) {
    try {
      FileModes.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".fp-", ".tmp");
      Files.writeString(tmp, sha + "\n");
      FileModes.setFile(tmp, false);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // ignored on purpose
    }
  }

  private static String hashBytes(ArchiveSource source) {
    MessageDigest digest = Sha256.digest();
    try (InputStream in = source.open()) {
      byte[] buf = new byte[1 << 16];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        digest.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw failed(source, "cannot read it: " + e, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static OperationException failed(ArchiveSource source, String what, Exception cause) {
    return new OperationException(
        "binaries.unpack_failed",
        "PostgreSQL archive " + source.name() + ": " + what,
        "make the cache directory writable with about 100 MB free, or point TUSK_CACHE_DIR"
            + " elsewhere; or set postgres.bin_dir to a system PostgreSQL installation",
        cause);
  }
}
