package dev.tusk.migrate.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.migrate.DownOptions;
import dev.tusk.migrate.DownTarget;
import dev.tusk.migrate.HistoryScope;
import dev.tusk.migrate.Migrator;
import dev.tusk.migrate.RepairResult;
import dev.tusk.migrate.UpOptions;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tenant history is the ordinary history, scoped: down, validate and repair on one tenant touch
 * that tenant's rows only, and the database's own history is a separate table they never touch.
 */
@ExtendWith(TuskPostgres.class)
class TenantHistoryIT {

  @TempDir Path tmp;

  private Migrator migrator(TenantDb db, String id) {
    Tenant t = new Tenant(TenantId.parse(id), Instant.EPOCH, "tester");
    return new Migrator(
        db.files(),
        TenantSource.writing(db.source(), t, db.owner()),
        Clock.systemUTC(),
        HistoryScope.tenant(id));
  }

  @Test
  void downValidateAndRepairOnOneTenantLeaveTheOthersAlone(TestServer server) throws Exception {
    TenantDb db =
        TenantDb.fresh(server, "scoped", "tn_own_scoped", tmp)
            .write("V1__a.up.sql", "CREATE TABLE a (x int);\n")
            .write("V1__a.down.sql", "DROP TABLE a;\n")
            .write("V2__b.up.sql", "CREATE TABLE b (x int);\n")
            .write("V2__b.down.sql", "DROP TABLE b;\n")
            .write("R__v.sql", "CREATE OR REPLACE VIEW v AS SELECT x FROM a;\n");
    new Migrator(db.files(), db.source(), Clock.systemUTC()).up(UpOptions.all());
    db.tenants().create(TenantId.parse("hs_a"), db.files(), "tester", false);
    db.tenants().create(TenantId.parse("hs_b"), db.files(), "tester", false);

    migrator(db, "hs_a").down(new DownOptions(new DownTarget.Steps(1), false));

    assertThat(db.history("hs_a")).containsExactly("1|a|up|t", "-|v|repeatable|t");
    assertThat(db.history("hs_b")).containsExactly("1|a|up|t", "2|b|up|t", "-|v|repeatable|t");
    assertThat(db.rows("SELECT schemaname FROM pg_tables WHERE tablename = 'b' ORDER BY 1"))
        .containsExactly("public", "tenant_hs_b");
    assertThat(db.rows("SELECT version, name FROM tusk.schema_migrations ORDER BY id"))
        .containsExactly("1|a", "2|b", "null|v");

    db.write("V1__a.up.sql", "-- a comment\nCREATE TABLE a (x int);\n");
    assertThat(migrator(db, "hs_a").validate(false).problems()).hasSize(1);
    RepairResult repaired = migrator(db, "hs_a").repair();

    assertThat(repaired.actions()).hasSize(1);
    assertThat(migrator(db, "hs_a").validate(false).problems()).isEmpty();
    assertThat(migrator(db, "hs_b").validate(false).problems()).hasSize(1);
    assertThat(new Migrator(db.files(), db.source(), Clock.systemUTC()).validate(false).problems())
        .hasSize(1);

    migrator(db, "hs_a").up(UpOptions.all());
    assertThat(db.history("hs_a")).containsExactly("1|a|up|t", "-|v|repeatable|t", "2|b|up|t");
    assertThat(
            db.one(
                "SELECT pg_get_userbyid(relowner) FROM pg_class"
                    + " WHERE oid = 'tusk.tenant_migrations'::regclass"))
        .isEqualTo("tn_own_scoped");
  }
}
