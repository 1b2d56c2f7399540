package dev.tusk.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files for a child JVM that runs as another user: a world-readable copy of this JVM's classpath
 * (the originals may sit under /root, which that user cannot enter) and directories it owns.
 */
final class ChildFiles {

  static final Set<PosixFilePermission> OPEN_DIR = PosixFilePermissions.fromString("rwxr-xr-x");
  static final Set<PosixFilePermission> OPEN_FILE = PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> PRIVATE_DIR = PosixFilePermissions.fromString("rwx------");

  private ChildFiles() {}

  /** Copies every java.class.path entry under {@code target}; returns the new class path. */
  static String copyClasspath(Path target) throws IOException {
    Files.createDirectories(target);
    Files.setPosixFilePermissions(target, OPEN_DIR);
    String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
    List<String> copied = new ArrayList<>();
    for (int i = 0; i < entries.length; i++) {
      Path src = Path.of(entries[i]).toAbsolutePath();
      if (entries[i].isEmpty() || !Files.exists(src)) {
        continue;
      }
      Path dest = target.resolve(String.format("%03d-%s", i, src.getFileName()));
      copyTree(src, dest);
      copied.add(dest.toString());
    }
    if (copied.isEmpty()) {
      throw new IllegalStateException("java.class.path has no existing entries");
    }
    return String.join(File.pathSeparator, copied);
  }

  /** A new directory owned by {@code uid}:{@code gid}, private to it. */
  static Path ownedDir(Path dir, int uid, int gid) throws IOException {
    Files.createDirectories(dir);
    Files.setAttribute(dir, "unix:uid", uid);
    Files.setAttribute(dir, "unix:gid", gid);
    Files.setPosixFilePermissions(dir, PRIVATE_DIR);
    return dir;
  }

  /** Deletes {@code dir} and everything under it, as far as possible. */
  static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static void copyTree(Path src, Path dest) throws IOException {
    try (Stream<Path> walk = Files.walk(src)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path to = dest.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
          Files.setPosixFilePermissions(to, OPEN_DIR);
        } else {
          Files.copy(p, to);
          Files.setPosixFilePermissions(to, OPEN_FILE);
        }
      }
    }
  }
}
