package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance list's bad configs, through the real command line: each exits 2 with one line
 * naming the problem and the fix, and nothing appears on disk.
 */
class ConfigErrorsCliTest {

  @TempDir Path dir;

  private CliRunner.Result up(String yaml, Map<String, String> env) throws IOException {
    Files.writeString(dir.resolve("tusk.yaml"), yaml);
    return CliRunner.run(dir, env, "up");
  }

  private void assertNothingWritten() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("tusk.yaml");
    }
  }

  @Test
  void aTypoInASectionNameNamesTheClosestKey() throws IOException {
    CliRunner.Result r = up("postgress:\n  port: 5432\n", Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("postgress")
        .contains("did you mean 'postgres'")
        .contains("tusk.yaml:1:1");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertNothingWritten();
  }

  @Test
  void aWrongTypeNamesKeyValueAndLocation() throws IOException {
    CliRunner.Result r = up("postgres:\n  port: \"abc\"\n", Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("postgres.port").contains("abc").contains("tusk.yaml:2:9");
    assertNothingWritten();
  }

  @Test
  void aMissingEnvironmentSecretNamesTheVariable() throws IOException {
    CliRunner.Result r =
        up("postgres:\n  superuser_password: ${env:TUSK_TEST_MISSING_SECRET}\n", Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("postgres.superuser_password")
        .contains("TUSK_TEST_MISSING_SECRET")
        .contains("is not set");
    assertNothingWritten();
  }

  @Test
  void aBadEnvironmentOverrideNamesTheVariable() throws IOException {
    CliRunner.Result r = up("cluster:\n  name: db-x-test\n", Map.of("TUSK_POSTGRES_PORT", "99999"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("TUSK_POSTGRES_PORT").contains("99999");
    assertNothingWritten();
  }

  @Test
  void aMissingInitScriptIsRefusedBeforeAnythingIsWritten() throws IOException {
    CliRunner.Result r =
        up(
            """
            databases:
              - name: app
                owner: app_owner
                init_sql: [sql/nope.sql]
            roles:
              - name: app_owner
                login: true
            """,
            Map.of());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("init_sql").contains("nope.sql").contains("not a readable file");
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertNothingWritten();
  }

  @Test
  void aDataDirectoryOfAnotherMajorIsRefusedAndLeftAsItWas() throws IOException {
    Files.writeString(dir.resolve("tusk.yaml"), "cluster:\n  name: db-major-test\n");
    Path pgdata = Files.createDirectories(dir.resolve("tusk-data/pgdata"));
    Files.writeString(pgdata.resolve("PG_VERSION"), "16\n");
    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of(
                "TUSK_ADMIN_PORT", Integer.toString(TestProject.freePort()),
                "TUSK_POSTGRES_PORT", Integer.toString(TestProject.freePort())),
            "up");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("belongs to PostgreSQL 16 but the server binaries are PostgreSQL 18")
        .contains("pg_upgrade");
    try (Stream<Path> s = Files.walk(dir.resolve("tusk-data"))) {
      assertThat(s.map(p -> dir.relativize(p).toString()).sorted().toList())
          .containsExactly("tusk-data", "tusk-data/pgdata", "tusk-data/pgdata/PG_VERSION");
    }
  }

  @Test
  void aMissingOsUserIsNamedWhenRunningAsRoot() throws IOException {
    Files.writeString(dir.resolve("tusk.yaml"), "cluster:\n  name: db-osuser-test\n");
    Map<String, String> env =
        Map.of(
            "TUSK_POSTGRES_OS_USER", "tusk_no_such_user",
            "TUSK_ADMIN_PORT", Integer.toString(TestProject.freePort()),
            "TUSK_POSTGRES_PORT", Integer.toString(TestProject.freePort()));
    if (!dev.tusk.engine.binaries.BinaryResolver.runningAsRoot()) {
      // Not root: PostgreSQL runs as the current user and os_user is not consulted, which
      // config check (no start needed) shows by accepting it.
      assertThat(CliRunner.run(dir, env, "config", "check").exit()).isEqualTo(0);
      return;
    }
    CliRunner.Result r = CliRunner.run(dir, env, "up");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("OS user does not exist")
        .contains("tusk_no_such_user")
        .contains("engine.os_user_missing");
    assertThat(dir.resolve("tusk-data")).doesNotExist();
  }

  @Test
  void twoInitScriptsWithOneFileNameAreRefused() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(dir.resolve("a/001.sql"), "SELECT 1;");
    Files.writeString(dir.resolve("b/001.sql"), "SELECT 2;");
    CliRunner.Result r =
        up(
            """
            databases:
              - name: app
                owner: app_owner
                init_sql: [a/001.sql, b/001.sql]
            roles:
              - name: app_owner
                login: true
            """,
            Map.of("TUSK_ADMIN_PORT", Integer.toString(TestProject.freePort())));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("two files named 001.sql")
        .contains("config.init_sql_duplicate_name");
    assertThat(dir.resolve("tusk-data")).doesNotExist();
  }

  @Test
  void configCheckRefusesWhatUpWouldRefuse() throws IOException {
    Files.writeString(
        dir.resolve("tusk.yaml"), "postgres:\n  parameters:\n    max_connections: many\n");
    CliRunner.Result r = CliRunner.run(dir, Map.of(), "config", "check");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("max_connections must be an integer");
    Files.writeString(
        dir.resolve("tusk.yaml"), "postgres:\n  parameters:\n    wal_level: minimal\n");
    assertThat(CliRunner.run(dir, Map.of(), "config", "check").err())
        .contains("wal_level must be replica or logical");
  }

  @Test
  void everyCommandHasHelp() {
    for (String[] cmd :
        new String[][] {
          {"up", "--help"},
          {"status", "--help"},
          {"sql", "--help"},
          {"init", "--help"},
          {"config", "--help"},
          {"config", "check", "--help"},
          {"config", "print", "--help"}
        }) {
      CliRunner.Result r = CliRunner.run(dir, Map.of(), cmd);
      assertThat(r.exit()).as(String.join(" ", cmd)).isEqualTo(0);
      assertThat(r.out()).as(String.join(" ", cmd)).contains("Usage: tusk " + cmd[0]);
    }
  }

  @Test
  void anExplicitConfigFileThatDoesNotExistIsAnError() {
    CliRunner.Result r = CliRunner.run(dir, Map.of(), "config", "check", "-c", "missing.yaml");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("missing.yaml");
  }

  @Test
  void unknownCommandsAndOptionsAreUsageErrors() {
    assertThat(CliRunner.run(dir, Map.of(), "upp").exit()).isEqualTo(2);
    assertThat(CliRunner.run(dir, Map.of(), "up", "--no-such-flag").exit()).isEqualTo(2);
    assertThat(CliRunner.run(dir, Map.of(), "sql").exit()).isEqualTo(2);
    assertThat(CliRunner.run(dir, Map.of(), "sql", "select 1", "-f", "x.sql").exit()).isEqualTo(2);
    assertThat(CliRunner.run(dir, Map.of(), "sql", "--csv", "--json", "select 1").exit())
        .isEqualTo(2);
  }

  @Test
  void sqlFileProblemsAreNamed() throws IOException {
    CliRunner.Result missing = CliRunner.run(dir, Map.of(), "sql", "-f", "nope.sql");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.sql").contains("does not exist");
    Files.write(
        dir.resolve("latin1.sql"), new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', (byte) 0xE9});
    CliRunner.Result latin1 = CliRunner.run(dir, Map.of(), "sql", "-f", "latin1.sql");
    assertThat(latin1.exit()).isEqualTo(2);
    assertThat(latin1.err()).contains("not valid UTF-8");
  }

  @Test
  void sqlWithoutARunningPlatformSaysHowToFixIt() {
    CliRunner.Result r = CliRunner.run(dir, Map.of(), "sql", "select 1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no password is known for role postgres").contains("tusk up");
  }

  @Test
  void statusWithNothingRunningIsDown() {
    CliRunner.Result r =
        CliRunner.run(
            dir, Map.of("TUSK_ADMIN_PORT", Integer.toString(TestProject.freePort())), "status");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).contains(": down").contains("unreachable");
    CliRunner.Result json =
        CliRunner.run(
            dir,
            Map.of("TUSK_ADMIN_PORT", Integer.toString(TestProject.freePort())),
            "status",
            "--json");
    assertThat(json.exit()).isEqualTo(2);
    assertThat(json.out()).contains("\"status\" : \"down\"");
  }

  @Test
  void theScaffoldedProjectIsAValidConfig() {
    CliRunner.Result init = CliRunner.run(dir, Map.of(), "init", "proj");
    assertThat(init.exit()).isEqualTo(0);
    assertThat(init.out()).contains("tusk.yaml");
    CliRunner.Result check = CliRunner.run(dir.resolve("proj"), Map.of(), "config", "check");
    assertThat(check.exit()).as(check.err()).isEqualTo(0);
    assertThat(check.out()).startsWith("config ok: " + dir.resolve("proj").resolve("tusk.yaml"));
    CliRunner.Result print = CliRunner.run(dir.resolve("proj"), Map.of(), "config", "print");
    assertThat(print.out())
        .contains(
            "api_anonymous", "api_editor", "api_admin", "authenticator", "api_service_worker");
    CliRunner.Result again = CliRunner.run(dir, Map.of(), "init", "proj");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("init.exists");
  }

  @Test
  void configPrintRedactsSecrets() {
    CliRunner.Result r =
        CliRunner.run(
            dir,
            Map.of("TUSK_POSTGRES_SUPERUSER_PASSWORD", "hunter2-very-secret"),
            "config",
            "print");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).doesNotContain("hunter2").contains("redacted");
  }

  @Test
  void versionNamesTheEmbeddedServer() {
    CliRunner.Result r = CliRunner.run(dir, Map.of(), "--version");
    assertThat(r.exit()).isEqualTo(0);
    assertThat(r.out()).contains("embedded PostgreSQL 18.");
  }
}
