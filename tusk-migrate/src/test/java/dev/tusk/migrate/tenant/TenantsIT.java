package dev.tusk.migrate.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.config.Secret;
import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.migrate.UpOptions;
import dev.tusk.migrate.Version;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenants against real PostgreSQL: provisioning, isolation between tenant roles, tenant migrations
 * with a history per tenant, a failure in one tenant that leaves the others migrated, and the
 * refusals (an existing tenant, a role or schema Tusk did not make, a missing migrations role).
 */
@ExtendWith(TuskPostgres.class)
class TenantsIT {

  @TempDir Path tmp;

  private static final String V1 =
      "CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT"
          + " NULL);\n";

  private TenantDb db(TestServer server, String name) throws Exception {
    return TenantDb.fresh(server, name, "tn_own_" + name, tmp)
        .write("V1__items.up.sql", V1)
        .write("V1__items.down.sql", "DROP TABLE items;\n");
  }

  @Test
  void eachTenantGetsItsTablesAndItsRoleCannotReadAnotherTenant(TestServer server)
      throws Exception {
    TenantDb db = db(server, "iso");
    Tenants tenants = db.tenants();

    TenantCreated a = tenants.create(TenantId.parse("iso_a"), db.files(), "tester", false);
    TenantCreated b = tenants.create(TenantId.parse("iso_b"), db.files(), "tester", false);

    assertThat(a.created()).isTrue();
    assertThat(a.failure()).isEmpty();
    assertThat(a.toText())
        .isEqualTo(
            "Created tenant iso_a: schema tenant_iso_a, role app_tenant_iso_a\n"
                + "tenant iso_a: applied 1, now at V1\n");
    assertThat(b.migrations().orElseThrow().at()).contains(Version.parse("1"));
    assertThat(
            db.rows(
                "SELECT schemaname, tablename, tableowner FROM pg_tables"
                    + " WHERE schemaname LIKE 'tenant%' ORDER BY 1"))
        .containsExactly("tenant_iso_a|items|tn_own_iso", "tenant_iso_b|items|tn_own_iso");
    assertThat(db.history("iso_a")).containsExactly("1|items|up|t");
    assertThat(db.history("iso_b")).containsExactly("1|items|up|t");
    assertThat(db.one("SELECT to_regclass('tusk.schema_migrations') IS NULL")).isEqualTo("t");
    assertThat(
            db.rows("SELECT id, schema_name, role_name, created_by FROM tusk.tenants ORDER BY id"))
        .containsExactly(
            "iso_a|tenant_iso_a|app_tenant_iso_a|tester",
            "iso_b|tenant_iso_b|app_tenant_iso_b|tester");
    assertThat(
            db.one(
                "SELECT rolcanlogin, rolsuper, rolinherit, rolcreaterole, rolbypassrls"
                    + " FROM pg_roles WHERE rolname = 'app_tenant_iso_a'"))
        .isEqualTo("f|f|f|f|f");

    // Its own schema: read and write (the identity column needs the sequence too).
    assertThat(
            db.sqlStateAs(
                "app_tenant_iso_a",
                "INSERT INTO tenant_iso_a.items (name) VALUES ('mine');"
                    + " UPDATE tenant_iso_a.items SET name = 'still mine';"
                    + " SELECT * FROM tenant_iso_a.items"))
        .isEqualTo("ok");
    // Another tenant's schema, Tusk's own, and DDL in its own: permission denied.
    assertThat(db.sqlStateAs("app_tenant_iso_a", "SELECT * FROM tenant_iso_b.items"))
        .isEqualTo("42501");
    assertThat(
            db.sqlStateAs("app_tenant_iso_a", "INSERT INTO tenant_iso_b.items (name) VALUES ('x')"))
        .isEqualTo("42501");
    assertThat(db.sqlStateAs("app_tenant_iso_b", "SELECT * FROM tenant_iso_a.items"))
        .isEqualTo("42501");
    assertThat(db.sqlStateAs("app_tenant_iso_a", "SELECT * FROM tusk.tenant_migrations"))
        .isEqualTo("42501");
    assertThat(db.sqlStateAs("app_tenant_iso_a", "SELECT * FROM tusk.tenants")).isEqualTo("42501");
    assertThat(db.sqlStateAs("app_tenant_iso_a", "CREATE TABLE tenant_iso_a.mine (a int)"))
        .isEqualTo("42501");
    assertThat(db.one("SELECT count(*) FROM tenant_iso_a.items")).isEqualTo("1");
    assertThat(db.one("SELECT count(*) FROM tenant_iso_b.items")).isEqualTo("0");
    assertThat(
            db.one(
                "SELECT has_schema_privilege('app_tenant_iso_a', 'tenant_iso_b', 'USAGE'),"
                    + " has_schema_privilege('public', 'tenant_iso_b', 'USAGE')"))
        .isEqualTo("f|f");
  }

  @Test
  void upAppliesANewTenantMigrationToEveryTenantAndReportsEach(TestServer server) throws Exception {
    TenantDb db = db(server, "upall");
    Tenants tenants = db.tenants();
    tenants.create(TenantId.parse("up_b"), db.files(), "tester", false);
    tenants.create(TenantId.parse("up_a"), db.files(), "tester", false);
    db.write("V2__note.up.sql", "ALTER TABLE items ADD COLUMN note text;\n")
        .write("V2__note.down.sql", "ALTER TABLE items DROP COLUMN note;\n")
        .write("R__names.sql", "CREATE OR REPLACE VIEW names AS SELECT name FROM items;\n");

    TenantsUpResult dry = tenants.up(db.files(), new UpOptions(Optional.empty(), false, true));
    assertThat(dry.toText())
        .isEqualTo(
            "tenant up_a: would apply 2 (V2 note, R names), at V1\n"
                + "tenant up_b: would apply 2 (V2 note, R names), at V1\n"
                + "2 tenant(s), all ok.\n");
    assertThat(db.history("up_a")).containsExactly("1|items|up|t");

    TenantsUpResult up = tenants.up(db.files(), UpOptions.all());

    assertThat(up.failure()).isEmpty();
    assertThat(up.toText())
        .isEqualTo(
            "tenant up_a: applied 2 (1 repeatable), now at V2\n"
                + "tenant up_b: applied 2 (1 repeatable), now at V2\n"
                + "2 tenant(s), all ok.\n");
    assertThat(db.history("up_b"))
        .containsExactly("1|items|up|t", "2|note|up|t", "-|names|repeatable|t");
    assertThat(
            db.rows(
                "SELECT table_schema FROM information_schema.columns WHERE column_name = 'note'"
                    + " ORDER BY 1"))
        .containsExactly("tenant_up_a", "tenant_up_b");
    // The view is the tenant's too: its role may read it, through the default privileges.
    assertThat(db.sqlStateAs("app_tenant_up_a", "SELECT * FROM tenant_up_a.names")).isEqualTo("ok");
    assertThat(db.sqlStateAs("app_tenant_up_a", "SELECT * FROM tenant_up_b.names"))
        .isEqualTo("42501");

    TenantsUpResult again = tenants.up(db.files(), UpOptions.all());
    assertThat(again.toText())
        .isEqualTo(
            "tenant up_a: up to date, at V2\ntenant up_b: up to date, at V2\n"
                + "2 tenant(s), all ok.\n");
    assertThat(again.toJson().toString())
        .isEqualTo(
            "{\"operation\":\"up\",\"dry_run\":false,\"tenants\":[{\"tenant\":\"up_a\",\"ok\":true,"
                + "\"version\":\"2\",\"steps\":[]},{\"tenant\":\"up_b\",\"ok\":true,"
                + "\"version\":\"2\",\"steps\":[]}],\"counts\":{\"ok\":2,\"failed\":0}}");
    assertThat(tenants.list().toText())
        .contains("up_a    tenant_up_a  app_tenant_up_a  2")
        .endsWith("2 tenant(s).\n");
  }

  @Test
  void aTenantWhoseDataBreaksAMigrationStaysBehindAndTheOthersMoveOn(TestServer server)
      throws Exception {
    TenantDb db = db(server, "fail");
    Tenants tenants = db.tenants();
    for (String id : List.of("fl_a", "fl_b", "fl_c")) {
      tenants.create(TenantId.parse(id), db.files(), "tester", false);
    }
    db.exec("INSERT INTO tenant_fl_b.items (name) VALUES ('far too long a name')");
    db.write(
        "V2__short_names.up.sql",
        "CREATE TABLE audit (at timestamptz);\n"
            + "ALTER TABLE items ADD CONSTRAINT short_name CHECK (length(name) <= 8);\n");

    TenantsUpResult up = tenants.up(db.files(), UpOptions.all());

    assertThat(up.tenants()).extracting(TenantOutcome::ok).containsExactly(true, false, true);
    String[] lines = up.toText().split("\n");
    assertThat(lines[0]).isEqualTo("tenant fl_a: applied 1, now at V2");
    assertThat(lines[1])
        .startsWith("tenant fl_b: failed: V2__short_names.up.sql:2: check constraint")
        .contains("(SQLSTATE 23514)")
        .endsWith("(migrate.statement_failed); still at V1");
    assertThat(lines[2]).isEqualTo("tenant fl_c: applied 1, now at V2");
    assertThat(lines[3]).isEqualTo("3 tenant(s): 2 ok, 1 failed.");
    OperationException e = up.failure().orElseThrow();
    assertThat(e.code()).isEqualTo("tenant.migrations_failed");
    assertThat(e.exitCode()).isEqualTo(1);
    assertThat(e.getMessage()).isEqualTo("tenant migrations failed for 1 of 3 tenant(s): fl_b");
    assertThat(e.detail())
        .get()
        .asString()
        .contains("tenant fl_b: error: V2__short_names.up.sql:2");
    // fl_b is exactly at V1: no audit table, no constraint, no history row; the others moved on.
    assertThat(db.history("fl_b")).containsExactly("1|items|up|t");
    assertThat(db.history("fl_a")).containsExactly("1|items|up|t", "2|short_names|up|t");
    assertThat(db.rows("SELECT schemaname FROM pg_tables WHERE tablename = 'audit' ORDER BY 1"))
        .containsExactly("tenant_fl_a", "tenant_fl_c");
    assertThat(
            db.rows(
                "SELECT connamespace::regnamespace::text FROM pg_constraint"
                    + " WHERE conname = 'short_name' ORDER BY 1"))
        .containsExactly("tenant_fl_a", "tenant_fl_c");

    db.exec("UPDATE tenant_fl_b.items SET name = 'short'");
    TenantsUpResult fixed = tenants.up(db.files(), UpOptions.all());
    assertThat(fixed.failure()).isEmpty();
    assertThat(fixed.tenants().get(1).line()).isEqualTo("tenant fl_b: applied 1, now at V2");
  }

  @Test
  void aFailingMigrationAtCreateLeavesTheTenantCreatedAtThePreviousVersion(TestServer server)
      throws Exception {
    TenantDb db = db(server, "createfail");
    db.write("V2__broken.up.sql", "INSERT INTO no_such_table VALUES (1);\n");

    TenantCreated created =
        db.tenants().create(TenantId.parse("cf_a"), db.files(), "tester", false);

    assertThat(created.created()).isTrue();
    OperationException e = created.failure().orElseThrow();
    assertThat(e.code()).isEqualTo("tenant.migrations_failed");
    assertThat(e.getMessage())
        .startsWith("tenant cf_a was created, but its migrations failed: V2__broken.up.sql:1:")
        .contains("no_such_table");
    assertThat(e.hint()).get().asString().contains("stays at V1").contains("migrate up --tenants");
    assertThat(created.toText()).contains("tenant cf_a: failed: ").endsWith("still at V1\n");
    assertThat(db.history("cf_a")).containsExactly("1|items|up|t");
    assertThat(db.registered()).containsExactly("cf_a");
  }

  @Test
  void anExistingTenantIsRefusedOrWithIfNotExistsLeftAlone(TestServer server) throws Exception {
    TenantDb db = db(server, "exists");
    Tenants tenants = db.tenants();
    tenants.create(TenantId.parse("ex_a"), db.files(), "first", false);
    db.write("V2__more.up.sql", "CREATE TABLE more ();\n");

    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () -> tenants.create(TenantId.parse("ex_a"), db.files(), "second", false));
    TenantCreated accepted = tenants.create(TenantId.parse("ex_a"), db.files(), "second", true);

    assertThat(e.code()).isEqualTo("tenant.exists");
    assertThat(e.getMessage())
        .startsWith("tenant ex_a exists (created ")
        .endsWith("nothing changed");
    assertThat(accepted.created()).isFalse();
    assertThat(accepted.tenant().createdBy()).isEqualTo("first");
    assertThat(accepted.toText()).startsWith("Tenant ex_a exists (created ");
    assertThat(db.history("ex_a")).containsExactly("1|items|up|t");
    assertThat(db.rows("SELECT created_by FROM tusk.tenants")).containsExactly("first");
  }

  @Test
  void aRoleOrSchemaTuskDidNotMakeIsNeverAdopted(TestServer server) throws Exception {
    TenantDb db = db(server, "foreign");
    db.exec("CREATE ROLE app_tenant_fr_x NOLOGIN");
    db.exec("CREATE ROLE app_tenant_fr_su SUPERUSER NOLOGIN");
    db.exec("CREATE SCHEMA tenant_fr_s");
    Tenants tenants = db.tenants();

    OperationException plain =
        catchThrowableOfType(
            OperationException.class,
            () -> tenants.create(TenantId.parse("fr_x"), db.files(), "tester", false));
    OperationException superuser =
        catchThrowableOfType(
            OperationException.class,
            () -> tenants.create(TenantId.parse("fr_su"), db.files(), "tester", false));
    OperationException schema =
        catchThrowableOfType(
            OperationException.class,
            () -> tenants.create(TenantId.parse("fr_s"), db.files(), "tester", false));

    assertThat(plain.code()).isEqualTo("tenant.role_exists");
    assertThat(plain.getMessage())
        .isEqualTo(
            "a role named app_tenant_fr_x already exists, but tenant fr_x is not registered in"
                + " database "
                + db.database().name()
                + "; Tusk never adopts an existing role, so nothing was created");
    assertThat(superuser.getMessage()).contains("app_tenant_fr_su already exists (a superuser)");
    assertThat(schema.code()).isEqualTo("tenant.schema_exists");
    // Nothing was created or changed: no schemas, no registry rows, the roles as they were (no
    // comment, no grants), and no role for the tenant whose schema name was taken.
    assertThat(db.schemaExists("tenant_fr_x")).isFalse();
    assertThat(db.schemaExists("tenant_fr_su")).isFalse();
    assertThat(db.roleExists("app_tenant_fr_s")).isFalse();
    assertThat(db.registered()).isEmpty();
    assertThat(
            db.rows(
                "SELECT rolname, rolsuper, shobj_description(oid, 'pg_authid') IS NULL"
                    + " FROM pg_roles WHERE rolname LIKE 'app\\_tenant\\_fr\\_%' ORDER BY 1"))
        .containsExactly("app_tenant_fr_su|t|t", "app_tenant_fr_x|f|t");
    assertThat(
            db.one(
                "SELECT count(*) FROM pg_default_acl"
                    + " WHERE defaclnamespace = 'tenant_fr_s'::regnamespace"))
        .isEqualTo("0");
  }

  @Test
  void aMissingMigrationsRoleIsRefusedBeforeAnythingIsCreated(TestServer server) throws Exception {
    TenantDb db = db(server, "norole");
    Tenants tenants =
        new Tenants(
            db.source(),
            new TenantSettings("tn_no_such_owner", Optional.empty()),
            java.time.Clock.systemUTC());

    OperationException e =
        catchThrowableOfType(
            OperationException.class,
            () -> tenants.create(TenantId.parse("nr_a"), db.files(), "tester", false));

    assertThat(e.code()).isEqualTo("tenant.role_missing");
    assertThat(e.getMessage())
        .isEqualTo(
            "the migrations role (migrations.as_role) tn_no_such_owner does not exist on the"
                + " server; nothing was created");
    assertThat(db.roleExists("app_tenant_nr_a")).isFalse();
    assertThat(db.schemaExists("tenant_nr_a")).isFalse();
    assertThat(db.registered()).isEmpty();
  }

  @Test
  void theApiLoginRoleMaySwitchToATenantRoleWithoutHoldingItsRights(TestServer server)
      throws Exception {
    TenantDb db = db(server, "api");
    // An INHERIT login role (the config's default): only the grant's INHERIT FALSE keeps the
    // tenant's rights from it until it switches.
    db.exec("CREATE ROLE tn_authenticator LOGIN INHERIT PASSWORD 'tn-auth-secret-1'");
    Tenants tenants = db.tenants(Optional.of("tn_authenticator"));

    TenantCreated created = tenants.create(TenantId.parse("api_a"), db.files(), "tester", false);
    tenants.create(TenantId.parse("api_b"), db.files(), "tester", false);
    db.exec("INSERT INTO tenant_api_a.items (name) VALUES ('a1')");

    assertThat(created.toText())
        .startsWith(
            "Created tenant api_a: schema tenant_api_a, role app_tenant_api_a (granted to"
                + " tn_authenticator)\n");
    try (Connection c =
            server
                .superuser()
                .as("tn_authenticator", new Secret("tn-auth-secret-1", "test"))
                .open(db.database().name());
        Statement s = c.createStatement()) {
      assertThat(sqlState(s, "SELECT * FROM tenant_api_a.items")).isEqualTo("42501");
      s.execute("SET ROLE app_tenant_api_a");
      try (ResultSet rs = s.executeQuery("SELECT name FROM tenant_api_a.items")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("a1");
      }
      assertThat(sqlState(s, "SELECT * FROM tenant_api_b.items")).isEqualTo("42501");
    }
  }

  @Test
  void aTenantWhoseSchemaWasDroppedFailsAloneAndSaysSo(TestServer server) throws Exception {
    TenantDb db = db(server, "dropped");
    Tenants tenants = db.tenants();
    tenants.create(TenantId.parse("dr_a"), db.files(), "tester", false);
    tenants.create(TenantId.parse("dr_b"), db.files(), "tester", false);
    db.exec("DROP SCHEMA tenant_dr_a CASCADE");
    db.write("V2__more.up.sql", "CREATE TABLE more ();\n");

    TenantsUpResult up = tenants.up(db.files(), UpOptions.all());

    assertThat(up.tenants().get(0).failure().orElseThrow().code())
        .isEqualTo("tenant.schema_missing");
    assertThat(up.tenants().get(0).line())
        .isEqualTo(
            "tenant dr_a: failed: tenant dr_a is registered but its schema tenant_dr_a does not"
                + " exist; nothing was run for it (tenant.schema_missing); still at V1");
    assertThat(up.tenants().get(1).line()).isEqualTo("tenant dr_b: applied 1, now at V2");
    assertThat(db.schemaExists("tenant_dr_a")).isFalse();
  }

  @Test
  void anUnknownTargetIsAUsageErrorBeforeAnyTenantRuns(TestServer server) throws Exception {
    TenantDb db = db(server, "target");
    db.tenants().create(TenantId.parse("tg_a"), db.files(), "tester", false);
    db.write("V2__more.up.sql", "CREATE TABLE more ();\n");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                db.tenants()
                    .up(db.files(), new UpOptions(Optional.of(Version.parse("7")), false, false)));

    assertThat(e.code()).isEqualTo("migrate.unknown_target");
    assertThat(db.history("tg_a")).containsExactly("1|items|up|t");
  }

  @Test
  void noTenantsIsNothingToDo(TestServer server) throws Exception {
    TenantDb db = db(server, "none");

    assertThat(db.tenants().up(db.files(), UpOptions.all()).toText())
        .isEqualTo("No tenants: nothing to migrate (tusk tenant create ID adds one).\n");
    assertThat(db.tenants().list().toText())
        .isEqualTo("No tenants: create one with tusk tenant create ID.\n");
    assertThat(db.registered()).isEmpty();
  }

  private static String sqlState(Statement s, String sql) {
    try {
      s.execute(sql);
      return "ok";
    } catch (java.sql.SQLException e) {
      return e.getSQLState();
    }
  }
}
