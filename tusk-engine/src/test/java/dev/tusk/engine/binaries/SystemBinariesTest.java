package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemBinariesTest {

  static final Path DEBIAN_15 = Path.of("/usr/lib/postgresql/15/bin");

  @TempDir Path dir;

  final SystemBinaries system = new SystemBinaries(Duration.ofSeconds(20));

  @Test
  void detectsTheSystemPostgresql15() {
    assumeTrue(
        Files.isExecutable(DEBIAN_15.resolve("postgres")), "system PostgreSQL not installed");
    PostgresBinaries found = system.inspect(DEBIAN_15);
    assertThat(found.major()).isEqualTo(15);
    assertThat(found.version()).matches("15\\.\\d+");
    assertThat(found.binDir()).isEqualTo(DEBIAN_15);
    assertThat(found.shareDir()).contains(Path.of("/usr/share/postgresql/15"));
    assertThat(found.libDir()).contains(Path.of("/usr/lib/postgresql/15/lib"));
  }

  @Test
  void versionComesFromRunningPostgres() throws IOException {
    fakeInstall("echo 'postgres (PostgreSQL) 17.2 (Fake 17.2-1)'");
    PostgresBinaries found = system.inspect(dir);
    assertThat(found).isEqualTo(new PostgresBinaries(dir, "17.2", 17));
    assertThat(found.bin("initdb")).isEqualTo(dir.resolve("initdb"));
  }

  @Test
  void missingDirectoryIsAConfigErrorNamingIt() {
    Path missing = dir.resolve("no/such/bin");
    assertThatThrownBy(() -> system.inspect(missing))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("binaries.bin_dir_missing");
              assertThat(e.getMessage())
                  .isEqualTo("postgres.bin_dir " + missing + " does not exist");
            });
  }

  @Test
  void missingOrNonExecutableProgramIsNamed() throws IOException {
    fakeInstall("echo 'postgres (PostgreSQL) 17.2'");
    Files.delete(dir.resolve("initdb"));
    assertThatThrownBy(() -> system.inspect(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("binaries.program_missing");
              assertThat(e.getMessage()).contains(dir.resolve("initdb") + " does not exist");
            });
    Files.writeString(dir.resolve("initdb"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(
        dir.resolve("initdb"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> system.inspect(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(dir.resolve("initdb") + " is not an executable file");
  }

  @Test
  void somethingThatIsNotPostgresIsRefused() throws IOException {
    fakeInstall("echo 'Python 3.11.2'");
    assertThatThrownBy(() -> system.inspect(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("binaries.not_postgres");
              assertThat(e.getMessage()).contains("printed 'Python 3.11.2'");
            });
  }

  @Test
  void tooOldPostgresIsRefused() throws IOException {
    fakeInstall("echo 'postgres (PostgreSQL) 9.6.24'");
    assertThatThrownBy(() -> system.inspect(dir))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.code()).isEqualTo("binaries.unsupported_version"));
  }

  @Test
  void failingPostgresIsAnOperationErrorWithItsOutput() throws IOException {
    fakeInstall("echo 'error while loading shared libraries: libicuuc.so.72' >&2; exit 127");
    assertThatThrownBy(() -> system.inspect(dir))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("binaries.version_failed");
              assertThat(e.getMessage()).contains("exited with 127").contains("libicuuc.so.72");
            });
  }

  @Test
  void hangingPostgresIsKilledAfterTheTimeout() throws IOException {
    fakeInstall("exec sleep 600");
    assertThatThrownBy(() -> new SystemBinaries(Duration.ofMillis(300)).inspect(dir))
        .isInstanceOfSatisfying(
            OperationException.class,
            e -> assertThat(e.code()).isEqualTo("binaries.version_timeout"));
  }

  @Test
  void floodOfOutputIsBounded() throws IOException {
    fakeInstall("echo 'postgres (PostgreSQL) 16.4'; head -c 10000000 /dev/zero");
    assertThat(system.inspect(dir).major()).isEqualTo(16);
  }

  private void fakeInstall(String postgresScript) throws IOException {
    for (String program : PostgresBinaries.REQUIRED_PROGRAMS) {
      Path p = dir.resolve(program);
      Files.writeString(
          p, "#!/bin/sh\n" + (program.equals("postgres") ? postgresScript : "exit 1") + "\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
