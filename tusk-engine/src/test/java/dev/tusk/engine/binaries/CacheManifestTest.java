package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.engine.binaries.CacheManifest.RegularFile;
import dev.tusk.engine.binaries.CacheManifest.Symlink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheManifestTest {

  static final String SHA = "ab".repeat(32);

  @TempDir Path dir;
  CacheManifest manifest;

  @BeforeEach
  void unpackSomething() throws IOException {
    manifest =
        new CacheManifest(
            SHA,
            new SafeTarExtractor(SafeTarExtractor.Limits.DEFAULT)
                .extract(
                    new java.io.ByteArrayInputStream(
                        new TestArchive()
                            .file("bin/postgres", "program", 0755)
                            .file("share/with space.sql", "select 1;", 0644)
                            .symlink("lib/libpq.so", "libpq.so.5")
                            .file("lib/libpq.so.5", "library", 0755)
                            .tar()),
                    dir));
    manifest.write(dir);
  }

  @Test
  void readsBackWhatWasWrittenAndFindsNoProblem() {
    assertThat(CacheManifest.read(dir)).contains(manifest);
    assertThat(manifest.entries())
        .contains(
            new RegularFile("share/with space.sql", 9, false),
            new Symlink("lib/libpq.so", "libpq.so.5"));
    assertThat(manifest.firstProblem(dir)).isEmpty();
  }

  @Test
  void deletedFileIsAProblem() throws IOException {
    Files.delete(dir.resolve("lib/libpq.so.5"));
    assertThat(manifest.firstProblem(dir))
        .hasValueSatisfying(p -> assertThat(p).startsWith("lib/libpq.so.5 is missing"));
  }

  @Test
  void truncatedOrGrownFileIsAProblem() throws IOException {
    Files.write(dir.resolve("bin/postgres"), new byte[3], StandardOpenOption.TRUNCATE_EXISTING);
    assertThat(manifest.firstProblem(dir)).contains("bin/postgres has 3 bytes, not 7");
    Files.writeString(dir.resolve("bin/postgres"), "program and more");
    assertThat(manifest.firstProblem(dir)).contains("bin/postgres has 16 bytes, not 7");
  }

  @Test
  void lostExecBitOrChangedLinkIsAProblem() throws IOException {
    Files.setPosixFilePermissions(
        dir.resolve("bin/postgres"), PosixFilePermissions.fromString("rw-------"));
    assertThat(manifest.firstProblem(dir))
        .hasValueSatisfying(p -> assertThat(p).startsWith("bin/postgres has mode"));
    Files.setPosixFilePermissions(
        dir.resolve("bin/postgres"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.delete(dir.resolve("lib/libpq.so"));
    Files.createSymbolicLink(dir.resolve("lib/libpq.so"), Path.of("/etc/passwd"));
    assertThat(manifest.firstProblem(dir)).contains("lib/libpq.so is not a symlink to libpq.so.5");
  }

  @Test
  void missingCutShortOrGarbledMarkerReadsAsNoMarker() throws IOException {
    Path marker = dir.resolve(CacheManifest.FILE_NAME);
    List<String> lines = Files.readAllLines(marker);

    Files.write(marker, lines.subList(0, lines.size() - 1), StandardCharsets.UTF_8);
    assertThat(CacheManifest.read(dir)).as("no end line").isEmpty();

    List<String> dropped = new java.util.ArrayList<>(lines);
    dropped.remove(3);
    Files.write(marker, dropped, StandardCharsets.UTF_8);
    assertThat(CacheManifest.read(dir)).as("an entry line missing").isEmpty();

    Files.writeString(marker, lines.get(0) + "\nsha256 nothex\nend 0\n");
    assertThat(CacheManifest.read(dir)).as("bad sha").isEmpty();

    Files.writeString(marker, String.join("\n", lines).replace("f x 7", "f x seven"));
    assertThat(CacheManifest.read(dir)).as("bad size").isEmpty();

    Files.write(marker, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    assertThat(CacheManifest.read(dir)).as("binary junk").isEmpty();

    Files.delete(marker);
    assertThat(CacheManifest.read(dir)).as("no marker").isEmpty();
  }
}
