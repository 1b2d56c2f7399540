package dev.tusk.engine.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes key material so that no reader ever sees half a file and no key is ever readable by
 * others: each file is written to a temporary file in the same directory, created with owner-only
 * permissions, flushed to disk, given its final mode and then renamed over the target in one atomic
 * step (the directory is synced after, so the rename survives a crash). On file systems without
 * POSIX permissions the modes are skipped; the atomicity is kept.
 */
final class SecureFiles {

  static final Set<PosixFilePermission> KEY_MODE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> CERT_MODE = PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

  private SecureFiles() {}

  /** Creates {@code dir} (and parents) if needed, and makes {@code dir} itself mode 0700. */
  static void ensurePrivateDirectory(Path dir) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a directory");
    }
    Files.createDirectories(dir);
    if (posix(dir) && !Files.getPosixFilePermissions(dir).equals(DIR_MODE)) {
      Files.setPosixFilePermissions(dir, DIR_MODE);
    }
  }

  /** Replaces {@code target} with {@code bytes} atomically, leaving it with {@code mode}. */
  static void writeAtomically(Path target, byte[] bytes, Set<PosixFilePermission> mode)
      throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    boolean posix = posix(dir);
    FileAttribute<?>[] attrs =
        posix
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(KEY_MODE)}
            : new FileAttribute<?>[0];
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attrs);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      if (posix) {
        Files.setPosixFilePermissions(temp, mode);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(dir);
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same directory, so this only happens on exotic file systems; a plain replace is the best
      // they offer.
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some platforms cannot open or sync a directory; the rename is still atomic there.
    }
  }

  static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
