package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tusk migrate new}: versions, names, templates, and never overwriting. */
class NewMigrationTest {

  @TempDir Path dir;

  private static List<Version> versions(String... texts) {
    return Stream.of(texts).map(Version::parse).toList();
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theNextVersionIsTheIntegerAfterTheHighest() {
    assertThat(NewMigration.next(List.of())).hasToString("1");
    assertThat(NewMigration.next(versions("1", "2", "10", "9"))).hasToString("11");
    assertThat(NewMigration.next(versions("1.2", "1.10"))).hasToString("2");
    assertThat(NewMigration.next(versions("20260101120000"))).hasToString("20260101120001");
    assertThat(NewMigration.next(versions("1" + "0".repeat(40))))
        .hasToString("1" + "0".repeat(39) + "1");
  }

  @Test
  void aTimestampIsUtcToTheSecond() {
    assertThat(NewMigration.timestamp(Instant.parse("2026-03-04T05:06:07.890Z")))
        .hasToString("20260304050607");
  }

  @Test
  void createWritesAPairThatCannotBeAppliedUnedited() throws IOException {
    NewMigration.Created c = NewMigration.create(dir, "create_users", Optional.empty());

    assertThat(c.version()).hasToString("1");
    assertThat(files()).containsExactly("V1__create_users.down.sql", "V1__create_users.up.sql");
    assertThat(Files.readString(c.up())).startsWith("-- V1 create_users (up).");
    assertThat(Files.readString(c.down())).contains("V1__create_users.up.sql");
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> new MigrationScanner().scan(dir));
    assertThat(e.getMessage()).contains("holds no SQL statement");

    Files.writeString(c.up(), Files.readString(c.up()) + "CREATE TABLE users ();\n");
    Files.writeString(c.down(), Files.readString(c.down()) + "DROP TABLE users;\n");
    MigrationSet set = new MigrationScanner().scan(dir);
    assertThat(set.versioned()).hasSize(1);
    assertThat(set.versioned().get(0).up().transactional()).isTrue();
  }

  @Test
  void theNextPairFollowsTheFilesAlreadyThere() throws IOException {
    Files.writeString(dir.resolve("V7__old.up.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("R__views.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("V8 broken name.sql"), "SELECT 1;\n");
    Files.writeString(dir.resolve("notes.txt"), "V99__not_a_migration.up.sql");

    NewMigration.Created c = NewMigration.create(dir, "next", Optional.empty());

    assertThat(c.version()).hasToString("8");
    assertThat(NewMigration.create(dir, "after", Optional.empty()).version()).hasToString("9");
  }

  @Test
  void aTakenVersionIsRefusedAndNothingIsWritten() throws IOException {
    Files.writeString(dir.resolve("V20260304050607__x.up.sql"), "SELECT 1;\n");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> NewMigration.create(dir, "y", Optional.of(Version.parse("20260304050607"))));

    assertThat(e.code()).isEqualTo("migrate.duplicate_version");
    assertThat(files()).containsExactly("V20260304050607__x.up.sql");
  }

  @Test
  void aVersionWithOnlyADownFileCountsAsTakenAndIsNeverOverwritten() throws IOException {
    Files.writeString(dir.resolve("V2__x.down.sql"), "keep me");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> NewMigration.create(dir, "x", Optional.of(Version.parse("2"))));

    assertThat(e.code()).isEqualTo("migrate.duplicate_version");
    assertThat(Files.readString(dir.resolve("V2__x.down.sql"))).isEqualTo("keep me");
    assertThat(NewMigration.create(dir, "x", Optional.empty()).version()).hasToString("3");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Add_Email",
        "add-email",
        "add email",
        "add.email",
        "../escape",
        "a/b",
        "émoji",
        "tab\there",
        "new\nline"
      })
  void badNamesAreRefused(String name) throws IOException {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> NewMigration.create(dir, name, Optional.empty()));

    assertThat(e.code()).isEqualTo("migrate.bad_name");
    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\t");
    assertThat(files()).isEmpty();
  }

  @Test
  void anOverlongNameIsRefusedAndShortenedInTheMessage() {
    String name = "a".repeat(101);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> NewMigration.create(dir, name, Optional.empty()));

    assertThat(e.code()).isEqualTo("migrate.bad_name");
    assertThat(e.getMessage()).contains("...").hasSizeLessThan(200);
    assertThat(NewMigration.create(dir, "a".repeat(100), Optional.empty()).up()).exists();
  }

  @Test
  void aMissingDirectoryIsNamed() {
    Path missing = dir.resolve("nope");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> NewMigration.create(missing, "x", Optional.empty()));

    assertThat(e.code()).isEqualTo("migrate.no_directory");
    assertThat(e.getMessage()).contains(missing.toString());
    assertThat(missing).doesNotExist();
  }
}
