package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.engine.binaries.CacheManifest.RegularFile;
import dev.tusk.engine.binaries.CacheManifest.Symlink;
import dev.tusk.engine.binaries.SafeTarExtractor.Limits;
import dev.tusk.engine.binaries.SafeTarExtractor.UnsafeArchiveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SafeTarExtractorTest {

  @TempDir Path tmp;
  Path target;

  @BeforeEach
  void setUp() throws IOException {
    target = Files.createDirectory(tmp.resolve("target"));
  }

  private List<CacheManifest.Entry> extract(TestArchive archive, Limits limits) throws IOException {
    return new SafeTarExtractor(limits).extract(new ByteArrayInputStream(archive.tar()), target);
  }

  private List<CacheManifest.Entry> extract(TestArchive archive) throws IOException {
    return extract(archive, Limits.DEFAULT);
  }

  @Test
  void keepsExecBitsSymlinksAndHardLinksAndListsThem() throws IOException {
    List<CacheManifest.Entry> entries =
        extract(
            new TestArchive()
                .dir("bin/")
                .file("bin/postgres", "#!/bin/sh\n", 0700)
                .file("./share/postgresql/postgres.bki", "bki", 0600)
                .symlink("lib/libpq.so", "libpq.so.5.18") // link before its target, as zonky's
                .file("lib/libpq.so.5.18", "elf", 0755)
                .symlink("share/postgresql/up", "../../lib/libpq.so")
                .hardlink("bin/postmaster", "bin/postgres"));

    assertThat(entries)
        .containsExactly(
            new RegularFile("bin/postgres", 10, true),
            new RegularFile("share/postgresql/postgres.bki", 3, false),
            new Symlink("lib/libpq.so", "libpq.so.5.18"),
            new RegularFile("lib/libpq.so.5.18", 3, true),
            new Symlink("share/postgresql/up", "../../lib/libpq.so"),
            new RegularFile("bin/postmaster", 10, true));
    assertThat(Files.readString(target.resolve("share/postgresql/up"))).isEqualTo("elf");
    assertThat(Files.readString(target.resolve("bin/postmaster"))).isEqualTo("#!/bin/sh\n");
    assertThat(mode(target.resolve("bin/postgres"))).isEqualTo("rwxr-xr-x");
    assertThat(mode(target.resolve("share/postgresql/postgres.bki"))).isEqualTo("rw-r--r--");
    assertThat(mode(target.resolve("share/postgresql"))).isEqualTo("rwxr-xr-x");
  }

  @Test
  void laterEntryForTheSamePathWins() throws IOException {
    extract(new TestArchive().file("a", "first", 0644).symlink("a", "b").file("a", "third", 0644));
    assertThat(Files.isSymbolicLink(target.resolve("a"))).isFalse();
    assertThat(Files.readString(target.resolve("a"))).isEqualTo("third");
  }

  static Stream<TestArchive> hostile() {
    return Stream.of(
        new TestArchive().file("../evil", "x", 0644),
        new TestArchive().file("bin/../../evil", "x", 0644),
        new TestArchive().file("/tmp/tusk-evil-absolute", "x", 0644),
        new TestArchive().dir("../evil/"),
        new TestArchive().symlink("escape", "../evil"),
        new TestArchive().symlink("bin/escape", "../../evil"),
        new TestArchive().symlink("abs", "/etc/passwd"),
        // lexically inside, but 'up' is itself a link to '..': followed, it leaves the target
        new TestArchive().symlink("sub/up", "..").symlink("sub/a", "up/../../evil"),
        // a link that stays inside, then a file written through it
        new TestArchive().dir("real/").symlink("alias", "real").file("alias/x", "x", 0644),
        new TestArchive().hardlink("h", "../evil"),
        new TestArchive().hardlink("h", "not-yet-there"),
        new TestArchive().file("new\nline", "x", 0644),
        new TestArchive().file("back\\slash", "x", 0644),
        new TestArchive().special("fifo", TarConstants.LF_FIFO),
        new TestArchive().special("dev", TarConstants.LF_CHR));
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void refusesEntriesThatCouldEscapeOrAreNotPlainFiles(TestArchive archive) throws IOException {
    assertThatThrownBy(() -> extract(archive)).isInstanceOf(UnsafeArchiveException.class);
    assertThat(tmp.resolve("evil")).doesNotExist();
    assertThat(Path.of("/tmp/tusk-evil-absolute")).doesNotExist();
    try (Stream<Path> outside = Files.list(tmp)) {
      assertThat(outside).containsExactly(target);
    }
  }

  @Test
  void namesTheEntryAndTheReason() {
    assertThatThrownBy(() -> extract(new TestArchive().file("ok", "", 0644).file("../evil", "", 0)))
        .hasMessage("../evil: '..' in the path");
    assertThatThrownBy(() -> extract(new TestArchive().symlink("lib/x", "/usr/lib/x")))
        .hasMessage("lib/x: symlink to an absolute path /usr/lib/x");
  }

  @Test
  void refusesMoreBytesOrEntriesThanTheLimits() {
    TestArchive big = new TestArchive().file("a", "12345", 0644).file("b", "67890", 0644);
    assertThatThrownBy(() -> extract(big, new Limits(9, 100)))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessage("b: unpacking it would exceed 9 bytes");
    TestArchive links = new TestArchive().file("a", "12345", 0644).hardlink("b", "a");
    assertThatThrownBy(() -> extract(links, new Limits(9, 100)))
        .as("hard links are copies and count again")
        .hasMessage("b: unpacking it would exceed 9 bytes");
    assertThatThrownBy(() -> extract(big, new Limits(1000, 1)))
        .isInstanceOf(UnsafeArchiveException.class)
        .hasMessage("more than 1 entries");
  }

  @Test
  void truncatedArchiveIsAnErrorNotAShortFile() {
    byte[] tar = new TestArchive().file("a", "x".repeat(5000), 0644).tar();
    byte[] cut = java.util.Arrays.copyOf(tar, 2048);
    assertThatThrownBy(
            () ->
                new SafeTarExtractor(Limits.DEFAULT).extract(new ByteArrayInputStream(cut), target))
        .isInstanceOf(IOException.class);
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }
}
