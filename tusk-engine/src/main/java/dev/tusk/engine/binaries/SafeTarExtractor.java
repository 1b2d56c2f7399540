package dev.tusk.engine.binaries;

import dev.tusk.engine.binaries.CacheManifest.Entry;
import dev.tusk.engine.binaries.CacheManifest.RegularFile;
import dev.tusk.engine.binaries.CacheManifest.Symlink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Unpacks a tar stream into a directory and nowhere else. An archive is data, not instructions: a
 * name with {@code ..} or a leading {@code /}, a symlink that points outside (see {@link
 * EntryPaths}), an entry written through a symlink, a device or FIFO, or more bytes or entries than
 * the limits allow is refused with {@link UnsafeArchiveException} before anything is written for
 * it. Executable bits and symlinks are kept, since the libraries are reached through them.
 */
final class SafeTarExtractor {

  /** Bounds on what one archive may unpack to; PostgreSQL is about 60 MB in about 1,100 files. */
  record Limits(long maxBytes, int maxEntries) {
    static final Limits DEFAULT = new Limits(2L << 30, 100_000);
  }

  /** Thrown for an archive entry that is refused; the message names the entry and the reason. */
  static final class UnsafeArchiveException extends IOException {
    UnsafeArchiveException(String message) {
      super(message);
    }
  }

  private final Limits limits;

  SafeTarExtractor(Limits limits) {
    this.limits = limits;
  }

  /**
   * Unpacks {@code tar} (already decompressed) into {@code target}, an existing empty directory.
   * The stream is read to the end-of-archive marker and not closed.
   *
   * @return what was unpacked, for the cache manifest
   */
  List<Entry> extract(InputStream tar, Path target) throws IOException {
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    Map<String, Entry> done = new LinkedHashMap<>();
    long bytes = 0;
    int count = 0;
    for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      if (++count > limits.maxEntries()) {
        throw new UnsafeArchiveException("more than " + limits.maxEntries() + " entries");
      }
      List<String> parts = components(e.getName(), e.getName());
      if (parts.isEmpty()) {
        if (e.isDirectory()) {
          continue;
        }
        throw new UnsafeArchiveException("entry with an empty name");
      }
      String rel = String.join("/", parts);
      for (int i = 1; i < parts.size(); i++) {
        if (done.get(String.join("/", parts.subList(0, i))) instanceof Symlink) {
          throw new UnsafeArchiveException(rel + ": written through a symlink");
        }
      }
      Path dest = target.resolve(rel);
      if (e.isDirectory()) {
        if (done.containsKey(rel)) {
          throw new UnsafeArchiveException(rel + ": a directory over an earlier file or symlink");
        }
        createDirs(target, parts);
        continue;
      }
      createDirs(target, parts.subList(0, parts.size() - 1));
      removeEarlier(dest, rel);
      if (e.isSymbolicLink()) {
        try {
          EntryPaths.checkLinkTarget(e.getLinkName(), parts.size() - 1);
        } catch (IllegalArgumentException ex) {
          throw new UnsafeArchiveException(rel + ": " + ex.getMessage());
        }
        Files.createSymbolicLink(dest, Path.of(e.getLinkName()));
        done.put(rel, new Symlink(rel, e.getLinkName()));
      } else if (e.isLink()) {
        String source = String.join("/", components(e.getLinkName(), rel));
        if (!(done.get(source) instanceof RegularFile f)) {
          throw new UnsafeArchiveException(
              rel + ": hard link to " + source + ", not an earlier file");
        }
        bytes = addBytes(bytes, f.size(), rel); // a copy: it takes the space again
        Files.copy(target.resolve(source), dest, LinkOption.NOFOLLOW_LINKS);
        FileModes.setFile(dest, f.executable());
        done.put(rel, new RegularFile(rel, f.size(), f.executable()));
      } else if (isRegular(e)) {
        bytes = addBytes(bytes, e.getSize(), rel);
        boolean exec = (e.getMode() & 0111) != 0;
        write(in, dest, e.getSize(), rel);
        FileModes.setFile(dest, exec);
        done.put(rel, new RegularFile(rel, e.getSize(), exec));
      } else {
        throw new UnsafeArchiveException(
            rel
                + ": unsupported entry type '"
                + (char) e.getLinkFlag()
                + "'"
                + (e.isSparse() ? " (sparse)" : ""));
      }
    }
    return List.copyOf(done.values());
  }

  private long addBytes(long sofar, long size, String rel) throws UnsafeArchiveException {
    if (size > limits.maxBytes() - sofar) {
      throw new UnsafeArchiveException(
          rel + ": unpacking it would exceed " + limits.maxBytes() + " bytes");
    }
    return sofar + size;
  }

  private static List<String> components(String name, String entry) throws UnsafeArchiveException {
    try {
      return EntryPaths.components(name);
    } catch (IllegalArgumentException ex) {
      throw new UnsafeArchiveException(
          entry.replaceAll("\\p{Cntrl}", "?") + ": " + ex.getMessage());
    }
  }

  private static boolean isRegular(TarArchiveEntry e) {
    byte t = e.getLinkFlag();
    return !e.isSparse()
        && (t == TarConstants.LF_NORMAL
            || t == TarConstants.LF_OLDNORM
            || t == TarConstants.LF_CONTIG);
  }

  /** A later entry for the same path replaces the earlier one, as tar does. */
  private static void removeEarlier(Path dest, String rel) throws IOException {
    if (Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
      throw new UnsafeArchiveException(rel + ": a file over an earlier directory");
    }
    Files.deleteIfExists(dest);
  }

  private static void createDirs(Path target, List<String> parts) throws IOException {
    Path p = target;
    for (String part : parts) {
      p = p.resolve(part);
      if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          throw new UnsafeArchiveException(target.relativize(p) + ": a directory over a file");
        }
        Files.createDirectory(p);
        FileModes.setDir(p);
      }
    }
  }

  private static void write(InputStream in, Path dest, long size, String rel) throws IOException {
    long copied;
    try (OutputStream out =
        Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      copied = in.transferTo(out);
    }
    if (copied != size) {
      throw new IOException(rel + ": archive ends after " + copied + " of " + size + " bytes");
    }
  }
}
