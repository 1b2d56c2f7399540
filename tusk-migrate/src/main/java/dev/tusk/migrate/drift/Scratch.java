package dev.tusk.migrate.drift;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import dev.tusk.migrate.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Where drift and replay checks build the schema from the migration files: a new database on the
 * server being checked (a unique {@code tusk_scratch_<hex>}, dropped afterwards, whatever happens),
 * or a given empty database ({@code --scratch-url}), which is checked before anything touches it
 * and is never dropped.
 */
public sealed interface Scratch {

  /** The prefix of every database Tusk creates for a check. */
  String PREFIX = "tusk_scratch_";

  /**
   * Opens the scratch database: creates it, or checks the given one. {@code target} is the database
   * being checked (superuser); a created scratch database is made and dropped through it.
   */
  ScratchSession open(ConnectionSource target);

  /** A new database on the same server as the target, named with {@code random}. */
  static Scratch create(DatabaseServer server, RandomGenerator random) {
    return new Created(server, random);
  }

  /**
   * An existing empty database {@code database} on {@code server}, shown in reports as {@code
   * shown} (host, port and name; never a password).
   */
  static Scratch given(DatabaseServer server, String database, String shown) {
    return new Given(server, database, shown);
  }

  /** Made by Tusk, dropped by Tusk. */
  record Created(DatabaseServer server, RandomGenerator random) implements Scratch {

    @Override
    public ScratchSession open(ConnectionSource target) {
      byte[] bytes = new byte[6];
      random.nextBytes(bytes);
      String name = PREFIX + HexFormat.of().formatHex(bytes);
      try (Connection c = target.open()) {
        Sql.exec(c, "CREATE DATABASE %I", name);
      } catch (SQLException e) {
        throw new OperationException(
            "migrate.scratch_failed",
            "could not create scratch database " + name + ": " + CatalogSnapshot.firstLine(e),
            "the check needs a role that may create databases on the server; or give an empty"
                + " database with --scratch-url",
            e);
      }
      ScratchSession.Dropper drop =
          () -> {
            try (Connection c = target.open()) {
              Sql.exec(c, "DROP DATABASE IF EXISTS %I WITH (FORCE)", name);
            }
          };
      return new ScratchSession(
          name, "scratch database " + name, () -> server.open(name), Optional.of(drop));
    }
  }

  /** Given by the user: checked to be empty and not the target, and left in place. */
  record Given(DatabaseServer server, String database, String shown) implements Scratch {

    private static final int LISTED = 5;

    @Override
    public ScratchSession open(ConnectionSource target) {
      String who = "the given " + shown;
      try (Connection c = server.open(database)) {
        refuseTemplate(c, who);
        refuseTarget(c, target, who);
        refuseNonEmpty(c, who);
      } catch (SQLException e) {
        throw new OperationException(
            "migrate.scratch_failed",
            "could not use " + who + ": " + CatalogSnapshot.firstLine(e),
            "check the URL, that the server is reachable and that the role is a superuser",
            e);
      }
      return new ScratchSession(database, shown, () -> server.open(database), Optional.empty());
    }

    private static void refuseTemplate(Connection c, String who) throws SQLException {
      String row =
          Sql.one(
              c,
              "SELECT datistemplate OR datname = 'postgres' FROM pg_database"
                  + " WHERE datname = current_database()");
      if ("t".equals(row)) {
        throw new ConfigException(
            "migrate.scratch_refused",
            who + " is a template or the maintenance database; nothing was changed",
            "give a database made for the check (createdb), which Tusk fills and leaves in place");
      }
    }

    private static void refuseTarget(Connection c, ConnectionSource target, String who)
        throws SQLException {
      String identity =
          "SELECT current_database() || ' ' || d.oid || ' ' || pg_postmaster_start_time()"
              + " FROM pg_database d WHERE d.datname = current_database()";
      String given = Sql.one(c, identity);
      String checked;
      try (Connection t = target.open()) {
        checked = Sql.one(t, identity);
      }
      if (given.equals(checked)) {
        throw new ConfigException(
            "migrate.scratch_refused",
            who + " is the database being checked; nothing was changed",
            "give another, empty database with --scratch-url, or leave it out");
      }
    }

    private static void refuseNonEmpty(Connection c, String who) throws SQLException {
      List<String> found = CatalogSnapshot.read(c).beyondFresh();
      if ("t".equals(Sql.one(c, "SELECT to_regnamespace('tusk') IS NOT NULL"))) {
        found = Stream.concat(Stream.of("schema tusk"), found.stream()).toList();
      }
      if (found.isEmpty()) {
        return;
      }
      String listed = String.join(", ", found.subList(0, Math.min(LISTED, found.size())));
      throw new ConfigException(
          "migrate.scratch_not_empty",
          who
              + " is not empty: it has "
              + listed
              + (found.size() > LISTED ? " and " + (found.size() - LISTED) + " more" : "")
              + "; nothing was changed",
          "give an empty database (createdb) for each check; Tusk fills it and leaves it in place");
    }
  }
}
