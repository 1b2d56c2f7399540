package dev.tusk.engine.binaries;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Builds small xz tar archives in memory, hostile ones included (names are not normalised). */
final class TestArchive {

  private final List<Consumer<TarArchiveOutputStream>> entries = new ArrayList<>();

  TestArchive file(String name, String content, int mode) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    entries.add(
        tar -> {
          TarArchiveEntry e = new TarArchiveEntry(name, true);
          e.setSize(data.length);
          e.setMode(0100000 | mode);
          put(tar, e, data);
        });
    return this;
  }

  TestArchive dir(String name) {
    entries.add(tar -> put(tar, new TarArchiveEntry(name, TarConstants.LF_DIR, true), null));
    return this;
  }

  TestArchive symlink(String name, String target) {
    return link(name, target, TarConstants.LF_SYMLINK);
  }

  TestArchive hardlink(String name, String target) {
    return link(name, target, TarConstants.LF_LINK);
  }

  TestArchive special(String name, byte type) {
    entries.add(tar -> put(tar, new TarArchiveEntry(name, type, true), null));
    return this;
  }

  private TestArchive link(String name, String target, byte type) {
    entries.add(
        tar -> {
          TarArchiveEntry e = new TarArchiveEntry(name, type, true);
          e.setLinkName(target);
          put(tar, e, null);
        });
    return this;
  }

  private static void put(TarArchiveOutputStream tar, TarArchiveEntry e, byte[] data) {
    try {
      tar.putArchiveEntry(e);
      if (data != null) {
        tar.write(data);
      }
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** The plain tar bytes. */
  byte[] tar() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      entries.forEach(e -> e.accept(tar));
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The tar compressed with xz, as the embedded archive is. */
  byte[] txz() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(0))) {
      xz.write(tar());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** This archive as a cache source with the given version. */
  ArchiveSource source(String version) {
    return bytes("test.txz", version, txz());
  }

  static ArchiveSource bytes(String name, String version, byte[] data) {
    return new ArchiveSource() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String version() {
        return version;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(data);
      }
    };
  }
}
