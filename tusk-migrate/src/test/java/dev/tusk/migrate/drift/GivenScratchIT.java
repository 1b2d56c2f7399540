package dev.tusk.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.migrate.Db;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --scratch-url}: a given database is used only when it is empty, is not the database being
 * checked and is not a template; it is never dropped, and a refusal changes nothing in it.
 */
@ExtendWith(TuskPostgres.class)
class GivenScratchIT {

  @TempDir Path tmp;

  private static Scratch given(TestServer server, TestDatabase db) {
    return Scratch.given(server.superuser()::open, db.name(), "database " + db.name());
  }

  @Test
  void anEmptyGivenDatabaseIsUsedAndLeftInPlace(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("given_target");
    TestDatabase empty = server.newDatabase("given_empty");

    DriftResult result = scene.drift(db, given(server, empty)).run();

    assertThat(result.drift()).as(result.toText()).isFalse();
    assertThat(result.scratch())
        .isEqualTo(new ScratchInfo(empty.name(), "database " + empty.name(), false));
    assertThat(result.toText()).contains("replayed in database " + empty.name());
    assertThat(Db.rows(empty::connect, "SELECT to_regclass('content.products')::text"))
        .containsExactly("content.products");
    assertThat(Db.rows(scene.source("postgres"), "SELECT datname FROM pg_database"))
        .contains(empty.name());
  }

  @Test
  void aNonEmptyGivenDatabaseIsRefusedAndKept(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("nonempty_target");
    TestDatabase other = server.newDatabase("nonempty_other");
    Scene.exec(other, "CREATE TABLE precious (id int)", "INSERT INTO precious VALUES (1)");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> scene.drift(db, given(server, other)).run());

    assertThat(e.code()).isEqualTo("migrate.scratch_not_empty");
    assertThat(e.getMessage())
        .isEqualTo(
            "the given database "
                + other.name()
                + " is not empty: it has table public.precious; nothing was changed");
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(Db.rows(other::connect, "SELECT count(*) FROM precious")).containsExactly("1");
    assertThat(Db.rows(other::connect, "SELECT to_regnamespace('content') IS NULL"))
        .containsExactly("t");
  }

  @Test
  void aDatabaseWithOnlyTheTuskSchemaIsNotEmpty(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("tusk_only_target");
    TestDatabase other = server.newDatabase("tusk_only");
    Scene.exec(other, "CREATE SCHEMA tusk");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> scene.drift(db, given(server, other)).run());

    assertThat(e.code()).isEqualTo("migrate.scratch_not_empty");
    assertThat(e.getMessage()).contains("it has schema tusk;");
  }

  @Test
  void theDatabaseBeingCheckedIsRefused(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase fresh = server.newDatabase("self");
    scene.prepare(fresh.name());

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> scene.drift(fresh, given(server, fresh)).run());

    // Not empty either (it was prepared), but being the target is what is said first.
    assertThat(e.code()).isEqualTo("migrate.scratch_refused");
    assertThat(e.getMessage()).contains("is the database being checked; nothing was changed");
    assertThat(Db.rows(fresh::connect, "SELECT to_regnamespace('tusk') IS NULL"))
        .containsExactly("t");
  }

  @Test
  void aTemplateIsRefusedUntouched(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("template_target");
    Scratch template1 = Scratch.given(server.superuser()::open, "template1", "template1");

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> scene.drift(db, template1).run());

    assertThat(e.code()).isEqualTo("migrate.scratch_refused");
    assertThat(e.getMessage()).contains("is a template or the maintenance database");
    assertThat(
            Db.rows(
                scene.source("template1"),
                "SELECT count(*) FROM pg_namespace WHERE nspname IN ('content', 'tusk')"))
        .containsExactly("0");
  }

  @Test
  void aGivenDatabaseThatDoesNotExistIsAClearError(TestServer server) throws Exception {
    Scene scene = new Scene(server, tmp);
    TestDatabase db = scene.migrated("missing_target");
    Scratch missing =
        Scratch.given(server.superuser()::open, "no_such_db", "database no_such_db on x:1");

    OperationException e =
        catchThrowableOfType(OperationException.class, () -> scene.drift(db, missing).run());

    assertThat(e.code()).isEqualTo("migrate.scratch_failed");
    assertThat(e.getMessage())
        .startsWith("could not use the given database no_such_db on x:1: ")
        .contains("no_such_db");
  }
}
