package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenants end to end against a real {@code tusk up} with a REST API section: {@code tusk tenant
 * create} provisions and migrates, refuses an existing tenant, a hostile id and a role it did not
 * make; {@code tusk migrate up --tenants} reports one line per tenant and exits 1 when one failed,
 * after migrating the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantIT {

  @RegisterExtension static final TestProject project = TestProject.create("tusk-tenant-it-");

  static Path tenantMigrations;
  static TuskProcess tusk;

  @BeforeAll
  static void project() throws IOException {
    project.writeConfig(
        """
        cluster:
          name: db-tenantit-test
        postgres:
          port: {postgres.port}
        databases:
          - name: app
            owner: app_owner
            schemas: [content]
        roles:
          - { name: app_owner, login: true }
          - { name: api_anonymous }
          - { name: authenticator, login: true, inherit: false, member_of: [api_anonymous] }
        api:
          port: {api.port}
          user: authenticator
          schemas: [content]
          anon_role: api_anonymous
        admin:
          port: {admin.port}
        migrations:
          tenant_dir: ./tenant_migrations
        """);
    tenantMigrations = Files.createDirectories(project.resolve("tenant_migrations"));
    write(
        "V1__items.up.sql",
        "CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT"
            + " NULL);\n");
    write("V1__items.down.sql", "DROP TABLE items;\n");
  }

  static void write(String name, String sql) throws IOException {
    Files.writeString(tenantMigrations.resolve(name), sql);
  }

  static CliRunner.Result tusk(String... args) {
    return CliRunner.run(project.dir(), Map.of("USER", "alice"), args);
  }

  /** The CSV rows of a query, without the header. */
  static List<String> sql(String query) {
    CliRunner.Result r = tusk("sql", "-d", "app", "--csv", query);
    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    return r.out().lines().skip(1).toList();
  }

  @Test
  @Order(1)
  void withNoTenantsThereIsNothingToDo() throws Exception {
    tusk = project.up(Duration.ofMinutes(3));

    CliRunner.Result list = tusk("tenant", "list");
    CliRunner.Result up = tusk("migrate", "up", "--tenants");

    assertThat(list.exit()).as(list.err()).isEqualTo(0);
    assertThat(list.out()).isEqualTo("No tenants: create one with tusk tenant create ID.\n");
    assertThat(up.exit()).as(up.err()).isEqualTo(0);
    assertThat(up.out())
        .isEqualTo("No tenants: nothing to migrate (tusk tenant create ID adds one).\n");
  }

  @Test
  @Order(2)
  void createProvisionsAndMigratesAndTheApiRoleMaySwitchToTheTenant() throws Exception {
    CliRunner.Result acme = tusk("tenant", "create", "acme");
    CliRunner.Result beta = tusk("tenant", "create", "beta", "--json");

    assertThat(acme.exit()).as(acme.err()).isEqualTo(0);
    assertThat(acme.out())
        .isEqualTo(
            "Created tenant acme: schema tenant_acme, role app_tenant_acme (granted to"
                + " authenticator)\n"
                + "tenant acme: applied 1, now at V1\n");
    assertThat(beta.exit()).as(beta.err()).isEqualTo(0);
    JsonNode b = beta.json();
    assertThat(b.path("tenant").asText()).isEqualTo("beta");
    assertThat(b.path("created").asBoolean()).isTrue();
    assertThat(b.path("role").asText()).isEqualTo("app_tenant_beta");
    assertThat(b.path("granted_to").asText()).isEqualTo("authenticator");
    assertThat(b.path("created_by").asText()).isEqualTo("alice");
    assertThat(b.at("/migrations/version").asText()).isEqualTo("1");
    assertThat(b.at("/migrations/steps/0/file").asText()).isEqualTo("V1__items.up.sql");
    assertThat(
            sql(
                "SELECT schemaname, tableowner FROM pg_tables WHERE tablename = 'items'"
                    + " ORDER BY 1"))
        .containsExactly("tenant_acme,app_owner", "tenant_beta,app_owner");
    assertThat(
            sql(
                "SELECT pg_has_role('authenticator', 'app_tenant_acme', 'SET'),"
                    + " pg_has_role('authenticator', 'app_tenant_acme', 'USAGE'),"
                    + " has_schema_privilege('app_tenant_acme', 'tenant_beta', 'USAGE'),"
                    + " has_table_privilege('app_tenant_acme', 'tenant_acme.items', 'INSERT')"))
        .containsExactly("t,f,f,t");
  }

  @Test
  @Order(3)
  void anExistingTenantIsExitOneAndUnchanged() throws Exception {
    CliRunner.Result again = tusk("tenant", "create", "acme");
    CliRunner.Result accepted = tusk("tenant", "create", "acme", "--if-not-exists");

    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err())
        .startsWith("error: tenant acme exists (created ")
        .contains("nothing changed (tenant.exists)");
    assertThat(again.out()).isEmpty();
    assertThat(accepted.exit()).as(accepted.err()).isEqualTo(0);
    assertThat(accepted.out())
        .startsWith("Tenant acme exists (created ")
        .endsWith("nothing changed.\n");
    assertThat(sql("SELECT count(*) FROM tusk.tenants")).containsExactly("2");
  }

  @Test
  @Order(4)
  void hostileIdsAndForeignRolesCreateNothing() throws Exception {
    for (String id : List.of("../x", "a;drop", "ACME", "a".repeat(100), "", "\"quoted\"")) {
      CliRunner.Result r = tusk("tenant", "create", id);
      assertThat(r.exit()).as(id).isEqualTo(2);
      assertThat(r.err()).as(id).contains("(tenant.bad_id)");
    }
    sql("CREATE ROLE app_tenant_ghost NOLOGIN");

    CliRunner.Result ghost = tusk("tenant", "create", "ghost");

    assertThat(ghost.exit()).isEqualTo(1);
    assertThat(ghost.err())
        .startsWith("error: a role named app_tenant_ghost already exists, but tenant ghost is not")
        .contains("(tenant.role_exists)");
    assertThat(sql("SELECT rolname FROM pg_roles WHERE rolname LIKE 'app_tenant%' ORDER BY 1"))
        .containsExactly("app_tenant_acme", "app_tenant_beta", "app_tenant_ghost");
    assertThat(sql("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' ORDER BY 1"))
        .containsExactly("tenant_acme", "tenant_beta");
    assertThat(
            sql("SELECT count(*) FROM pg_auth_members WHERE roleid = 'app_tenant_ghost'::regrole"))
        .containsExactly("0");
    assertThat(sql("SELECT id FROM tusk.tenants ORDER BY 1")).containsExactly("acme", "beta");
  }

  @Test
  @Order(5)
  void migrateUpTenantsAppliesANewMigrationToEveryTenant() throws Exception {
    write("V2__note.up.sql", "ALTER TABLE items ADD COLUMN note text;\n");

    CliRunner.Result dry = tusk("migrate", "up", "--tenants", "--dry-run");
    CliRunner.Result up = tusk("migrate", "up", "--tenants");
    CliRunner.Result again = tusk("migrate", "up", "--tenants", "--json");

    assertThat(dry.exit()).as(dry.err()).isEqualTo(0);
    assertThat(dry.out())
        .isEqualTo(
            "tenant acme: would apply 1 (V2 note), at V1\n"
                + "tenant beta: would apply 1 (V2 note), at V1\n"
                + "2 tenant(s), all ok.\n");
    assertThat(up.exit()).as(up.err()).isEqualTo(0);
    assertThat(up.out())
        .isEqualTo(
            "tenant acme: applied 1, now at V2\n"
                + "tenant beta: applied 1, now at V2\n"
                + "2 tenant(s), all ok.\n");
    assertThat(again.exit()).isEqualTo(0);
    JsonNode j = again.json();
    assertThat(j.at("/tenants/0/tenant").asText()).isEqualTo("acme");
    assertThat(j.at("/tenants/0/version").asText()).isEqualTo("2");
    assertThat(j.at("/tenants/1/steps")).isEmpty();
    assertThat(j.at("/counts/failed").asInt()).isEqualTo(0);
    assertThat(
            sql(
                "SELECT table_schema FROM information_schema.columns WHERE column_name = 'note'"
                    + " ORDER BY 1"))
        .containsExactly("tenant_acme", "tenant_beta");
  }

  @Test
  @Order(6)
  void aTenantWhoseDataBreaksAMigrationIsReportedAndTheOthersApplied() throws Exception {
    sql("INSERT INTO tenant_beta.items (name) VALUES ('far too long a name')");
    write(
        "V3__short_names.up.sql",
        "ALTER TABLE items ADD CONSTRAINT short_name CHECK (length(name) <= 8);\n");

    CliRunner.Result up = tusk("migrate", "up", "--tenants");

    assertThat(up.exit()).isEqualTo(1);
    List<String> lines = up.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("tenant acme: applied 1, now at V3");
    assertThat(lines.get(1))
        .startsWith("tenant beta: failed: V3__short_names.up.sql:1: check constraint")
        .endsWith("(migrate.statement_failed); still at V2");
    assertThat(lines.get(2)).isEqualTo("2 tenant(s): 1 ok, 1 failed.");
    assertThat(up.err())
        .startsWith(
            "error: tenant migrations failed for 1 of 2 tenant(s): beta"
                + " (tenant.migrations_failed); fix: ")
        .contains("tenant beta: error: V3__short_names.up.sql:1:")
        .doesNotContain("\tat ");

    CliRunner.Result list = tusk("tenant", "list", "--json");
    assertThat(list.exit()).as(list.err()).isEqualTo(0);
    JsonNode l = list.json();
    assertThat(l.at("/tenants/0/version").asText()).isEqualTo("3");
    assertThat(l.at("/tenants/1/tenant").asText()).isEqualTo("beta");
    assertThat(l.at("/tenants/1/version").asText()).isEqualTo("2");
    assertThat(l.at("/tenants/1/created_by").asText()).isEqualTo("alice");
    CliRunner.Result text = tusk("tenant", "list");
    assertThat(text.out())
        .startsWith("TENANT  SCHEMA       ROLE             VERSION  CREATED AT")
        .contains("\nbeta    tenant_beta  app_tenant_beta  2        ")
        .endsWith("2 tenant(s).\n");
  }
}
