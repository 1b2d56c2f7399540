package dev.tusk.engine.tls;

import static dev.tusk.engine.tls.AutoTlsTest.CLOCK;
import static dev.tusk.engine.tls.AutoTlsTest.NAMES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modes, directories and files that are in the way. */
class AutoTlsFilesystemTest {

  @TempDir Path tmp;

  @Test
  void keysAre0600CertsAre0644AndTheDirectoryIs0700() throws Exception {
    Path dir = tmp.resolve("data/tls");
    new AutoTls(CLOCK).ensureAuto(dir, NAMES);

    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("ca.key"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("server.key"))).isEqualTo("rw-------");
    assertThat(mode(dir.resolve("ca.crt"))).isEqualTo("rw-r--r--");
    assertThat(mode(dir.resolve("server.crt"))).isEqualTo("rw-r--r--");
  }

  @Test
  void anOpenDirectoryIsClosedAndLooseKeyModesAreFixedOnRenewal() throws Exception {
    Path dir = tmp.resolve("tls");
    Files.createDirectory(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    new AutoTls(CLOCK).ensureAuto(dir, NAMES);
    assertThat(mode(dir)).isEqualTo("rwx------");

    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    new AutoTls(CLOCK).ensureAuto(dir, List.of("renamed.example"));
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("server.key"))).isEqualTo("rw-------");
  }

  @Test
  void aDirectoryWhereAKeyShouldBeStopsTheRunAndIsLeftAlone() throws Exception {
    new AutoTls(CLOCK).ensureAuto(tmp, NAMES);
    byte[] caCert = Files.readAllBytes(tmp.resolve("ca.crt"));
    Files.delete(tmp.resolve("ca.key"));
    Files.createDirectory(tmp.resolve("ca.key"));

    assertThatThrownBy(() -> new AutoTls(CLOCK).ensureAuto(tmp, NAMES))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("tls.not_a_file");
              assertThat(e.getMessage()).contains(tmp.resolve("ca.key").toString());
            });
    assertThat(Files.isDirectory(tmp.resolve("ca.key"))).isTrue();
    assertThat(Files.readAllBytes(tmp.resolve("ca.crt"))).isEqualTo(caCert);
  }

  @Test
  void aFileWhereTheDirectoryShouldBeIsAnOperationError() throws Exception {
    Path file = Files.writeString(tmp.resolve("tls"), "not a directory");

    assertThatThrownBy(() -> new AutoTls(CLOCK).ensureAuto(file, NAMES))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("tls.write_failed");
              assertThat(e.getMessage()).contains(file.toString());
            });
    assertThat(Files.readString(file)).isEqualTo("not a directory");
  }

  @Test
  void aBadNameFailsBeforeAnythingIsWritten() {
    Path dir = tmp.resolve("tls");

    assertThatThrownBy(() -> new AutoTls(CLOCK).ensureAuto(dir, List.of("localhost", "a b")))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("tls.bad_name");
              assertThat(e.getMessage()).contains("'a b'");
            });
    assertThat(dir).doesNotExist();
  }

  @Test
  void atomicWriteReplacesContentAndLeavesNoTemporaryFiles() throws Exception {
    Path target = tmp.resolve("x.key");
    Files.writeString(target, "old");
    SecureFiles.writeAtomically(target, "new".getBytes(), SecureFiles.KEY_MODE);

    assertThat(Files.readString(target)).isEqualTo("new");
    try (var listing = Files.list(tmp)) {
      assertThat(listing).containsExactly(target);
    }
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
