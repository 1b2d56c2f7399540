package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Up and down against a real server: the schema after down is the schema before up. */
@ExtendWith(TuskPostgres.class)
class RoundTripIT {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  static MigrationDir sample(Path dir) {
    return new MigrationDir(dir)
        .write(
            "V1__create_users.up.sql",
            """
            -- the first table
            CREATE SCHEMA app;
            CREATE TABLE app.users (
              id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
              email text NOT NULL UNIQUE, -- a comment; with a semicolon
              note text DEFAULT 'it''s; fine' CHECK (note <> E'\\';')
            );
            CREATE INDEX users_note ON app.users (note);
            """)
        .write("V1__create_users.down.sql", "DROP SCHEMA app CASCADE;\n")
        .write(
            "V2__functions.up.sql",
            """
            CREATE FUNCTION app.user_count() RETURNS bigint LANGUAGE sql
            BEGIN ATOMIC
              SELECT count(*) FROM app.users;
            END;
            CREATE FUNCTION app.label(n int) RETURNS text LANGUAGE sql
            BEGIN ATOMIC
              SELECT CASE WHEN n > 1 THEN 'many;' ELSE 'one' END;
            END;
            CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
              NEW.note := coalesce(NEW.note, $$default;$$);
              RETURN NEW;
            END
            $body$;
            CREATE TRIGGER users_touch BEFORE INSERT ON app.users
              FOR EACH ROW EXECUTE FUNCTION app.touch();
            """)
        .write(
            "V2__functions.down.sql",
            """
            DROP TRIGGER users_touch ON app.users;
            DROP FUNCTION app.touch();
            DROP FUNCTION app.label(int);
            DROP FUNCTION app.user_count();
            """)
        .write(
            "V3__seed.up.sql",
            "COPY app.users (email, note) FROM stdin;\n"
                + "a@example.org\tfirst; row\n"
                + "b@example.org\t\\N\n"
                + "c@example.org\tunicode é ✓ tab\\tinside\n"
                + "\\.\n"
                + "ALTER TABLE app.users ADD COLUMN created_at timestamptz;\n")
        .write(
            "V3__seed.down.sql",
            "ALTER TABLE app.users DROP COLUMN created_at;\nDELETE FROM app.users;\n");
  }

  @Test
  void upThenDownRestoresTheSchema(TestServer server) throws Exception {
    Db db = Db.fresh(server, "roundtrip");
    MigrationSet set = sample(tmp).scan();
    Migrator migrator = new Migrator(set, db.source(), CLOCK);
    List<String> before = db.schema();

    RunResult up = migrator.up(UpOptions.all());
    assertThat(up.steps())
        .extracting(StepReport::label)
        .containsExactly("V1 create_users", "V2 functions", "V3 seed");
    assertThat(db.schema()).isNotEqualTo(before);
    assertThat(db.one("SELECT app.user_count()")).isEqualTo("3");
    assertThat(db.one("SELECT app.label(2)")).isEqualTo("many;");
    assertThat(db.rows("SELECT email, note FROM app.users ORDER BY email"))
        .containsExactly(
            "a@example.org|first; row",
            "b@example.org|default;",
            "c@example.org|unicode é ✓ tab\tinside");
    assertThat(db.history())
        .containsExactly("1|create_users|up|t", "2|functions|up|t", "3|seed|up|t");
    assertThat(
            db.rows(
                "SELECT DISTINCT applied_by, applied_at = '2026-03-04 05:06:07+00'"
                    + " FROM tusk.schema_migrations"))
        .containsExactly("postgres|t");
    assertThat(migrator.status().entries())
        .allSatisfy(e -> assertThat(e.state()).isEqualTo(StatusEntry.State.APPLIED));
    assertThat(migrator.validate(false).ok()).isTrue();
    List<String> atThree = db.schema();

    RunResult down = migrator.down(new DownOptions(new DownTarget.Steps(1), false));
    assertThat(down.steps()).extracting(StepReport::label).containsExactly("V3 seed");
    assertThat(db.history()).containsExactly("1|create_users|up|t", "2|functions|up|t");
    assertThat(migrator.up(UpOptions.all()).steps()).hasSize(1);
    assertThat(db.schema()).isEqualTo(atThree);

    RunResult all = migrator.down(new DownOptions(new DownTarget.To(Version.parse("0")), false));
    assertThat(all.steps())
        .extracting(StepReport::label)
        .containsExactly("V3 seed", "V2 functions", "V1 create_users");
    assertThat(db.schema()).isEqualTo(before);
    assertThat(db.history()).isEmpty();
    assertThat(migrator.status().entries())
        .allSatisfy(e -> assertThat(e.state()).isEqualTo(StatusEntry.State.PENDING));

    assertThat(migrator.up(UpOptions.all()).steps()).hasSize(3);
    assertThat(db.schema()).isEqualTo(atThree);
    assertThat(migrator.up(UpOptions.all()).steps()).isEmpty();
  }

  @Test
  void upToATargetAndDownToAVersion(TestServer server) throws Exception {
    Db db = Db.fresh(server, "targets");
    Migrator migrator = new Migrator(sample(tmp).scan(), db.source(), CLOCK);
    RunResult first = migrator.up(new UpOptions(Optional.of(Version.parse("2")), false, false));
    assertThat(first.steps())
        .extracting(StepReport::label)
        .containsExactly("V1 create_users", "V2 functions");
    assertThat(migrator.status().entries())
        .extracting(e -> e.state().json())
        .containsExactly("applied", "applied", "pending");
    migrator.up(UpOptions.all());
    RunResult down = migrator.down(new DownOptions(new DownTarget.To(Version.parse("1")), false));
    assertThat(down.steps())
        .extracting(StepReport::label)
        .containsExactly("V3 seed", "V2 functions");
    assertThat(db.history()).containsExactly("1|create_users|up|t");
  }

  @Test
  void dryRunsShowTheSqlAndTouchNothing(TestServer server) throws Exception {
    Db db = Db.fresh(server, "dryrun");
    Migrator migrator = new Migrator(sample(tmp).scan(), db.source(), CLOCK);
    RunResult dry = migrator.up(new UpOptions(Optional.empty(), false, true));
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.steps()).hasSize(3);
    assertThat(dry.steps().get(0).sql()).get().asString().contains("CREATE TABLE app.users");
    assertThat(dry.toText()).contains("-- up V3 seed: V3__seed.up.sql (one transaction)");
    assertThat(db.tuskSchemaExists()).isFalse();
    assertThat(db.rows("SELECT 1 FROM pg_namespace WHERE nspname = 'app'")).isEmpty();

    migrator.up(UpOptions.all());
    List<String> schema = db.schema();
    RunResult dryDown = migrator.down(new DownOptions(new DownTarget.Steps(2), true));
    assertThat(dryDown.steps().stream().map(s -> s.sql().orElseThrow()))
        .containsExactly(
            "ALTER TABLE app.users DROP COLUMN created_at;\nDELETE FROM app.users;\n",
            "DROP TRIGGER users_touch ON app.users;\nDROP FUNCTION app.touch();\n"
                + "DROP FUNCTION app.label(int);\nDROP FUNCTION app.user_count();\n");
    assertThat(db.schema()).isEqualTo(schema);
    assertThat(db.history()).hasSize(3);
  }

  @Test
  void repeatablesRunAfterVersionsAndAgainWhenChanged(TestServer server) throws Exception {
    Db db = Db.fresh(server, "repeatable");
    MigrationDir dir =
        sample(tmp)
            .write(
                "R__views.sql",
                "CREATE OR REPLACE VIEW app.user_emails AS SELECT email FROM app.users;\n");
    RunResult first = new Migrator(dir.scan(), db.source(), CLOCK).up(UpOptions.all());
    assertThat(first.steps())
        .extracting(StepReport::label)
        .containsExactly("V1 create_users", "V2 functions", "V3 seed", "R views");
    assertThat(db.one("SELECT count(*) FROM app.user_emails")).isEqualTo("3");

    assertThat(new Migrator(dir.scan(), db.source(), CLOCK).up(UpOptions.all()).steps()).isEmpty();

    dir.write(
        "R__views.sql",
        "CREATE OR REPLACE VIEW app.user_emails AS SELECT email, upper(email) AS shout"
            + " FROM app.users;\n");
    Migrator changed = new Migrator(dir.scan(), db.source(), CLOCK);
    assertThat(changed.status().entries().get(3).state()).isEqualTo(StatusEntry.State.CHANGED);
    assertThat(changed.validate(false).ok()).isTrue();
    assertThat(changed.up(UpOptions.all()).steps())
        .extracting(StepReport::label)
        .containsExactly("R views");
    assertThat(db.one("SELECT shout FROM app.user_emails WHERE email LIKE 'a%'"))
        .isEqualTo("A@EXAMPLE.ORG");
    assertThat(db.history()).hasSize(4).contains("-|views|repeatable|t");
  }
}
