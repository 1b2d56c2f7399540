package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tusk migrate} without a server: usage, config and file errors exit 2 before anything
 * connects, {@code new} writes its pair, and a server that is not there is exit 1 or 2 with what to
 * do. The commands against a running platform are in {@link MigrateIT}.
 */
class MigrateCliTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private CliRunner.Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli cli =
        new Cli(
            Map.of(),
            dir,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            CLOCK);
    int exit = Main.run(cli, args);
    return new CliRunner.Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path migrations() throws IOException {
    return Files.createDirectories(dir.resolve("migrations"));
  }

  private List<String> files(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void withoutASubcommandTheUsageIsShownWithExitTwo() {
    CliRunner.Result r = run("migrate");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("give a subcommand")
        .contains("new")
        .contains("validate")
        .contains("baseline");
  }

  @Test
  void newWritesTheNextPairRelativeToTheConfigFile() throws IOException {
    Files.createDirectories(dir.resolve("db/migrations"));
    Files.writeString(dir.resolve("db/tusk.yaml"), "migrations: { dir: migrations }\n");
    Files.writeString(dir.resolve("db/migrations/V7__old.up.sql"), "SELECT 1;\n");

    CliRunner.Result r = run("migrate", "new", "-c", "db/tusk.yaml", "add_email");

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.out())
        .startsWith(
            "Created db/migrations/V8__add_email.up.sql\n"
                + "Created db/migrations/V8__add_email.down.sql\n");
    assertThat(files(dir.resolve("db/migrations")))
        .containsExactly("V7__old.up.sql", "V8__add_email.down.sql", "V8__add_email.up.sql");
  }

  @Test
  void newWithTimestampUsesTheClockInUtc() throws IOException {
    migrations();

    CliRunner.Result r = run("migrate", "new", "--timestamp", "add_email");

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(files(dir.resolve("migrations")))
        .containsExactly(
            "V20260304050607__add_email.down.sql", "V20260304050607__add_email.up.sql");
    CliRunner.Result again = run("migrate", "new", "--timestamp", "other");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("version 20260304050607 is already used");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Add_Email", "../escape", "a b", "x;rm -rf", "-"})
  void newRefusesBadNamesAndWritesNothing(String name) throws IOException {
    Path m = migrations();

    CliRunner.Result r = run("migrate", "new", "--", name);

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("migrate.bad_name");
    assertThat(files(m)).isEmpty();
    assertThat(files(dir)).containsExactly("migrations");
  }

  @Test
  void anOversizedNameGetsAShortError() throws IOException {
    migrations();

    CliRunner.Result r = run("migrate", "new", "a".repeat(100_000));

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().length()).isLessThan(500);
  }

  @Test
  void aMissingDirectoryIsExitTwoForEveryCommandAndIsNotCreated() {
    for (List<String> args :
        List.of(
            List.of("migrate", "new", "x"),
            List.of("migrate", "up"),
            List.of("migrate", "down", "--steps", "1"),
            List.of("migrate", "status", "--json"),
            List.of("migrate", "validate"),
            List.of("migrate", "baseline", "--version", "3"),
            List.of("migrate", "repair"))) {
      CliRunner.Result r = run(args.toArray(String[]::new));

      assertThat(r.exit()).as(args.toString()).isEqualTo(2);
      assertThat(r.err())
          .as(args.toString())
          .contains("the migrations directory " + dir.resolve("migrations") + " does not exist")
          .contains("migrate.no_directory");
      assertThat(r.out()).isEmpty();
    }
    assertThat(dir.resolve("migrations")).doesNotExist();
  }

  @Test
  void usageErrorsAreExitTwo() throws IOException {
    migrations();

    assertThat(run("migrate", "down").err()).contains("--steps").contains("--to");
    assertThat(run("migrate", "down").exit()).isEqualTo(2);
    assertThat(run("migrate", "down", "--steps", "1", "--to", "2").exit()).isEqualTo(2);
    assertThat(run("migrate", "down", "--steps", "many").exit()).isEqualTo(2);
    CliRunner.Result zero = run("migrate", "down", "--steps", "0");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("migrate.bad_steps");
    CliRunner.Result badTo = run("migrate", "up", "--to", "1.x");
    assertThat(badTo.exit()).isEqualTo(2);
    assertThat(badTo.err()).contains("'1.x' is not a migration version");
    assertThat(run("migrate", "down", "--to", "-1").exit()).isEqualTo(2);
    assertThat(run("migrate", "baseline").exit()).isEqualTo(2);
    assertThat(run("migrate", "baseline", "--version", "v1").exit()).isEqualTo(2);
    assertThat(run("migrate", "new").exit()).isEqualTo(2);
    assertThat(run("migrate", "frobnicate").exit()).isEqualTo(2);
    CliRunner.Result help = run("migrate", "baseline", "--help");
    assertThat(help.exit()).isEqualTo(0);
    assertThat(help.out()).contains("--version=V");
  }

  @Test
  void aBadMigrationsSectionNamesTheKey() throws IOException {
    Files.writeString(dir.resolve("tusk.yaml"), "migrations:\n  database: ap\n");

    CliRunner.Result r = run("migrate", "status");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "migrations.database names database \"ap\" at " + dir.resolve("tusk.yaml") + ":2:13")
        .contains("did you mean 'app'?");
  }

  @Test
  void badFilesAreReportedBeforeAnythingConnects() throws IOException {
    Path m = migrations();
    Files.writeString(m.resolve("V1__ok.up.sql"), "CREATE TABLE t ();\n");
    Files.write(m.resolve("V2__latin1.up.sql"), new byte[] {'S', 'E', 'L', (byte) 0xe9, ';'});
    Files.writeString(m.resolve("V3__empty.up.sql"), "-- nothing\n");
    Files.writeString(m.resolve("v4_bad.sql"), "SELECT 1;\n");

    CliRunner.Result r = run("migrate", "up");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("3 problems in the migration files")
        .contains("V2__latin1.up.sql:1: byte 3 is not valid UTF-8")
        .contains("V3__empty.up.sql holds no SQL statement")
        .contains("'v4_bad.sql' is not a migration file name");
  }

  @Test
  void aPlatformThatNeverStartedIsExitTwoWithWhatToDo() throws IOException {
    migrations();

    CliRunner.Result r = run("migrate", "status");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no password is known").contains("tusk up");
  }

  @Test
  void aServerThatIsNotRunningIsExitOne() throws IOException {
    migrations();
    Files.writeString(
        dir.resolve("tusk.yaml"),
        "postgres: { port: %d, superuser_password: pw, tls: { mode: off } }\n"
            .formatted(TestProject.freePort()));

    CliRunner.Result r = run("migrate", "status");

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("could not connect to database app on 127.0.0.1:")
        .contains("is tusk up running");
  }

  @Test
  void tuskUpRefusesABadMigrationFileBeforeAnythingIsWritten() throws IOException {
    Path m = migrations();
    Files.writeString(m.resolve("V1__x.up.sql"), "-- tusk:no-transactions\nSELECT 1;\n");
    Files.writeString(
        dir.resolve("tusk.yaml"),
        "postgres: { port: %d }\nadmin: { port: %d }\n"
            .formatted(TestProject.freePort(), TestProject.freePort()));

    CliRunner.Result r = run("up");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("V1__x.up.sql").contains("unknown directive");
    assertThat(files(dir)).containsExactly("migrations", "tusk.yaml");
  }
}
