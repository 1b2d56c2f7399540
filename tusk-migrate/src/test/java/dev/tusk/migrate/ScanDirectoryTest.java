package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk half of the scanner: what counts as a migration file, size limits, a missing dir. */
class ScanDirectoryTest {

  @TempDir Path dir;

  @Test
  void readsSqlFilesAndIgnoresTheRest() throws IOException {
    Files.writeString(dir.resolve("V1__a.up.sql"), "SELECT 1;");
    Files.writeString(dir.resolve("README.md"), "not a migration");
    Files.writeString(dir.resolve(".V2__hidden.up.sql"), "");
    Files.createDirectories(dir.resolve("tenant"));
    Files.writeString(dir.resolve("tenant").resolve("V1__t.up.sql"), "SELECT 't';");
    MigrationSet set = new MigrationScanner().scan(dir);
    assertThat(set.versioned()).hasSize(1);
    assertThat(set.versioned().get(0).up().file()).isEqualTo("V1__a.up.sql");
  }

  @Test
  void upperCaseExtensionIsReportedNotSkipped() throws IOException {
    Files.writeString(dir.resolve("V1__a.UP.SQL"), "SELECT 1;");
    assertThatThrownBy(() -> new MigrationScanner().scan(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("V1__a.UP.SQL");
  }

  @Test
  void oversizedFilesAreRefusedWithoutReading() throws IOException {
    Files.writeString(dir.resolve("V1__big.up.sql"), "SELECT '" + "x".repeat(200) + "';");
    Files.writeString(dir.resolve("V2__ok.up.sql"), "SELECT 1;");
    assertThatThrownBy(() -> new MigrationScanner(100).scan(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("V1__big.up.sql")
        .hasMessageContaining("over the limit of 100")
        .extracting(e -> ((ConfigException) e).code())
        .isEqualTo("migrate.file_too_large");
    assertThatThrownBy(() -> new MigrationScanner(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMissingDirectoryIsAConfigError() {
    assertThatThrownBy(() -> new MigrationScanner().scan(dir.resolve("nope")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope")
        .extracting(e -> ((ConfigException) e).code())
        .isEqualTo("migrate.no_directory");
  }
}
