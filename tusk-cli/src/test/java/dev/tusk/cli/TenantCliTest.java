package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tusk tenant} and {@code tusk migrate up --tenants} without a server: usage, a bad tenant
 * id, a config without {@code migrations.tenant_dir}, a missing directory and bad tenant files are
 * all exit 2 before anything connects; a server that is not running is exit 1. The commands against
 * a running platform are in {@link TenantIT}.
 */
class TenantCliTest {

  @TempDir Path dir;

  private CliRunner.Result run(String... args) {
    return CliRunner.run(dir, Map.of(), args);
  }

  /** A config with a server that is not running (port nobody listens on, TLS off). */
  private void config(String migrations) throws IOException {
    Files.writeString(
        dir.resolve("tusk.yaml"),
        "postgres: { port: %d, superuser_password: pw, tls: { mode: off } }\n%s"
            .formatted(TestProject.freePort(), migrations));
  }

  @Test
  void withoutASubcommandTheUsageIsShownWithExitTwo() {
    CliRunner.Result r = run("tenant");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("give a subcommand").contains("create").contains("list");
    assertThat(run("tenant", "create").exit()).isEqualTo(2);
    assertThat(run("tenant", "create").err()).contains("Missing required parameter: 'ID'");
    assertThat(run("tenant", "frobnicate").exit()).isEqualTo(2);
    assertThat(run("tenant", "create", "a", "b").exit()).isEqualTo(2);
    CliRunner.Result help = run("migrate", "up", "--help");
    assertThat(help.exit()).isEqualTo(0);
    assertThat(help.out()).contains("--tenants");
  }

  @Test
  void hostileIdsAreUsageErrorsNamingTheRuleBeforeAnythingElse() throws IOException {
    config("migrations: { tenant_dir: ./tenant_migrations }\n");
    Files.createDirectories(dir.resolve("tenant_migrations"));

    for (String id :
        List.of(
            "../x",
            "a;drop",
            "ACME",
            "a".repeat(100),
            "",
            "\"quoted\"",
            "x'); DROP ROLE postgres; --",
            "tab\there",
            "acme\n")) {
      CliRunner.Result r = run("tenant", "create", id);

      assertThat(r.exit()).as(id).isEqualTo(2);
      assertThat(r.err())
          .as(id)
          .startsWith("error: tenant id \"")
          .contains("is not valid: ")
          .contains("(tenant.bad_id); fix: use 1 to 52 characters of lowercase letters a-z")
          .doesNotContain("\tat ")
          .doesNotContain("could not connect");
      assertThat(r.err().lines().count()).as(id).isEqualTo(1);
      assertThat(r.out()).as(id).isEmpty();
    }
  }

  @Test
  void withoutTenantDirTheTenantCommandsAreConfigErrors() throws IOException {
    config("");

    for (List<String> args :
        List.of(
            List.of("tenant", "create", "acme"),
            List.of("migrate", "up", "--tenants"),
            List.of("migrate", "up", "--tenants", "--dry-run", "--json"))) {
      CliRunner.Result r = run(args.toArray(String[]::new));

      assertThat(r.exit()).as(args.toString()).isEqualTo(2);
      assertThat(r.err())
          .as(args.toString())
          .startsWith(
              "error: migrations.tenant_dir is not set, so there are no tenant migrations to"
                  + " apply (tenant.not_configured); fix: add tenant_dir: ./tenant_migrations");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void aMissingTenantDirectoryIsExitTwoAndIsNotCreated() throws IOException {
    config("migrations: { tenant_dir: ./tenants }\n");

    CliRunner.Result r = run("tenant", "create", "acme");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains("the tenant migrations directory tenants (migrations.tenant_dir) does not exist")
        .contains("tenant.no_directory");
    assertThat(dir.resolve("tenants")).doesNotExist();
    assertThat(run("migrate", "up", "--tenants").exit()).isEqualTo(2);
  }

  @Test
  void badTenantFilesAreReportedBeforeAnythingConnects() throws IOException {
    config("migrations: { tenant_dir: ./tenant_migrations }\n");
    Path t = Files.createDirectories(dir.resolve("tenant_migrations"));
    Files.writeString(t.resolve("V1__ok.up.sql"), "CREATE TABLE t ();\n");
    Files.writeString(t.resolve("V2__empty.up.sql"), "-- nothing\n");

    CliRunner.Result create = run("tenant", "create", "acme");
    CliRunner.Result up = run("migrate", "up", "--tenants");

    assertThat(create.exit()).isEqualTo(2);
    assertThat(create.err()).contains("V2__empty.up.sql holds no SQL statement");
    assertThat(up.exit()).isEqualTo(2);
    assertThat(up.err()).contains("V2__empty.up.sql holds no SQL statement");
  }

  @Test
  void aServerThatIsNotRunningIsExitOne() throws IOException {
    config("migrations: { tenant_dir: ./tenant_migrations }\n");
    Files.createDirectories(dir.resolve("tenant_migrations"));

    for (List<String> args :
        List.of(
            List.of("tenant", "create", "acme"),
            List.of("tenant", "list"),
            List.of("migrate", "up", "--tenants"))) {
      CliRunner.Result r = run(args.toArray(String[]::new));

      assertThat(r.exit()).as(args.toString()).isEqualTo(1);
      assertThat(r.err())
          .as(args.toString())
          .contains("could not connect to database app on 127.0.0.1:")
          .contains("is tusk up running");
    }
  }
}
