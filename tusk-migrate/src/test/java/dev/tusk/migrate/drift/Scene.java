package dev.tusk.migrate.drift;

import dev.tusk.migrate.ConnectionSource;
import dev.tusk.migrate.Db;
import dev.tusk.migrate.HistoryAccess;
import dev.tusk.migrate.MigrationDir;
import dev.tusk.migrate.MigrationSet;
import dev.tusk.migrate.Migrator;
import dev.tusk.migrate.UpOptions;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * A project as drift sees it, on the testkit's server: roles {@code drift_owner} (owns what
 * migrations make) and {@code drift_reader}, a bootstrap stand-in that prepares a database as
 * tusk.yaml's databases section would (owner, schema content, grants, default privileges), and a
 * migrations directory with tables, an enum, an index, RLS and a policy, functions, a trigger,
 * grants and a repeatable view.
 */
final class Scene {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);
  static final String OWNER = "drift_owner";

  final TestServer server;
  final MigrationDir dir;

  Scene(TestServer server, Path dir) throws SQLException {
    this.server = server;
    this.dir = new MigrationDir(dir);
    try (Connection c = server.superuser().open("postgres");
        Statement s = c.createStatement()) {
      s.execute(
          "DO $$ BEGIN"
              + " IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drift_owner') THEN"
              + " CREATE ROLE drift_owner; END IF;"
              + " IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'drift_reader') THEN"
              + " CREATE ROLE drift_reader; END IF; END $$");
    }
    write(
        "V1__catalog.up.sql",
        """
        CREATE TYPE content.status AS ENUM ('draft', 'live');
        CREATE TABLE content.products (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          name text NOT NULL UNIQUE,
          price integer NOT NULL CHECK (price >= 0),
          weight integer,
          status content.status NOT NULL DEFAULT 'draft',
          owner_name text NOT NULL DEFAULT current_user
        );
        CREATE INDEX products_live ON content.products (status) WHERE status = 'live';
        ALTER TABLE content.products ENABLE ROW LEVEL SECURITY;
        CREATE POLICY products_owner ON content.products FOR ALL TO drift_reader
          USING (owner_name = current_user);
        """);
    write("V1__catalog.down.sql", "DROP TABLE content.products;\nDROP TYPE content.status;\n");
    write(
        "V2__functions.up.sql",
        """
        CREATE FUNCTION content.gross(p integer) RETURNS numeric LANGUAGE plpgsql IMMUTABLE AS $$
        BEGIN
          RETURN p * 1.2;
        END
        $$;
        CREATE FUNCTION content.touch() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          NEW.name := trim(NEW.name);
          RETURN NEW;
        END
        $$;
        CREATE TRIGGER products_touch BEFORE INSERT OR UPDATE ON content.products
          FOR EACH ROW EXECUTE FUNCTION content.touch();
        GRANT INSERT ON content.products TO drift_reader;
        """);
    write(
        "V2__functions.down.sql",
        """
        REVOKE INSERT ON content.products FROM drift_reader;
        DROP TRIGGER products_touch ON content.products;
        DROP FUNCTION content.touch();
        DROP FUNCTION content.gross(integer);
        """);
    write(
        "R__views.sql",
        """
        CREATE OR REPLACE VIEW content.live_products AS
          SELECT id, name, content.gross(price) AS gross FROM content.products
          WHERE status = 'live';
        """);
  }

  Scene write(String name, String sql) {
    dir.write(name, sql);
    return this;
  }

  Scene delete(String name) {
    dir.delete(name);
    return this;
  }

  MigrationSet files() {
    return dir.scan();
  }

  /** What bootstrap does to a database before its migrations, for this project. */
  ScratchPreparer preparer() {
    return this::prepare;
  }

  void prepare(String database) throws SQLException {
    try (Connection c = server.superuser().open(database)) {
      Sql.exec(c, "ALTER DATABASE %I OWNER TO drift_owner", database);
      exec(
          c,
          "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
          "CREATE SCHEMA content AUTHORIZATION drift_owner",
          "GRANT USAGE ON SCHEMA content TO drift_reader",
          "ALTER DEFAULT PRIVILEGES FOR ROLE drift_owner IN SCHEMA content"
              + " GRANT SELECT ON TABLES TO drift_reader");
    }
  }

  /** A new database, bootstrapped and migrated as {@code drift_owner}, as tusk up leaves it. */
  TestDatabase migrated(String name) throws SQLException {
    TestDatabase db = server.newDatabase(name);
    prepare(db.name());
    new Migrator(files(), HistoryAccess.asRole(db::connect, OWNER), CLOCK).up(UpOptions.all());
    return db;
  }

  /** A scratch database Drift and Replay create on the server and drop afterwards. */
  Scratch scratch() {
    return Scratch.create(server.superuser()::open, new Random());
  }

  Drift drift(TestDatabase db) {
    return drift(db, scratch());
  }

  Drift drift(TestDatabase db, Scratch scratch) {
    return drift(db, scratch, preparer());
  }

  Drift drift(TestDatabase db, Scratch scratch, ScratchPreparer preparer) {
    return new Drift(files(), db::connect, db.name(), OWNER, scratch, preparer, CLOCK);
  }

  Replay replay(TestDatabase db) {
    return new Replay(files(), db::connect, db.name(), OWNER, scratch(), preparer(), CLOCK);
  }

  /** The scratch databases on the server now. */
  List<String> scratchDatabases() throws SQLException {
    return Db.rows(
        source("postgres"),
        "SELECT datname FROM pg_database WHERE datname LIKE 'tusk\\_scratch\\_%' ORDER BY 1");
  }

  ConnectionSource source(String database) {
    return () -> server.superuser().open(database);
  }

  static void exec(TestDatabase db, String... sql) throws SQLException {
    try (Connection c = db.connect()) {
      exec(c, sql);
    }
  }

  static void exec(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String one : sql) {
        s.execute(one);
      }
    }
  }

  static List<String> lines(List<Difference> differences, DiffText.Wording wording) {
    return differences.stream().map(d -> DiffText.line(d, wording)).toList();
  }
}
