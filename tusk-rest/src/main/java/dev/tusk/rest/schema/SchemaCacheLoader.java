package dev.tusk.rest.schema;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.error.OperationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a {@link SchemaCache} from the catalogs: one {@code REPEATABLE READ READ ONLY} transaction,
 * so every query sees the same snapshot even while migrations run, and a fixed handful of queries
 * whatever the size of the schema (relations, columns, keys, foreign keys, view definitions in as
 * many rounds as views are nested, functions). All derivation happens afterwards, in memory.
 *
 * <p>The connection is borrowed: it must be in auto-commit mode (so no transaction of the caller's
 * is open), and it is handed back in auto-commit mode, the load's transaction ended.
 */
public final class SchemaCacheLoader {

  private SchemaCacheLoader() {}

  /**
   * @param schemas the exposed schemas, in order (the first is the default)
   * @throws ConfigException when {@code schemas} is empty, repeats a name or names a schema the
   *     database lacks
   * @throws OperationException when a catalog query fails
   * @throws IllegalArgumentException when the connection is not in auto-commit mode
   */
  public static SchemaCache load(Connection connection, List<String> schemas, Clock clock) {
    checkList(schemas);
    Instant started = clock.instant();
    Catalog catalog = inTransaction(connection, schemas);
    Instant finished = clock.instant();
    return CacheBuilder.build(catalog, finished, Duration.between(started, finished));
  }

  private static void checkList(List<String> schemas) {
    if (schemas.isEmpty()) {
      throw new ConfigException(
          "rest.schemas_empty",
          "api.schemas is empty, so the REST API would expose nothing",
          "list at least one schema under api.schemas (the first is the default)");
    }
    Set<String> seen = new HashSet<>();
    for (String s : schemas) {
      if (!seen.add(s)) {
        throw new ConfigException(
            "rest.schema_duplicate",
            "api.schemas lists the schema '" + s + "' more than once",
            "list each schema once under api.schemas");
      }
    }
  }

  private static Catalog inTransaction(Connection connection, List<String> schemas) {
    String database = databaseName(connection);
    requireAutoCommit(connection, database);
    try {
      connection.setAutoCommit(false);
      try (Statement s = connection.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      }
      CatalogReader reader = new CatalogReader(connection);
      List<String> missing = reader.missingSchemas(schemas);
      if (!missing.isEmpty()) {
        throw missingSchemas(missing, database);
      }
      Catalog catalog = reader.read(schemas);
      connection.commit();
      return catalog;
    } catch (SQLException e) {
      throw failed(database, e);
    } finally {
      endTransaction(connection);
    }
  }

  private static void requireAutoCommit(Connection connection, String database) {
    boolean autoCommit;
    try {
      autoCommit = connection.getAutoCommit();
    } catch (SQLException e) {
      throw failed(database, e);
    }
    if (!autoCommit) {
      throw new IllegalArgumentException(
          "the schema cache loads on a connection in auto-commit mode, outside any transaction");
    }
  }

  private static OperationException failed(String database, SQLException e) {
    return new OperationException(
        "rest.schema_cache_failed",
        "could not load the schema cache from database '" + database + "': " + e.getMessage(),
        "check that the API's database role can connect and read the system catalogs, then"
            + " reload the schema cache",
        e);
  }

  private static ConfigException missingSchemas(List<String> missing, String database) {
    String names = String.join("', '", missing);
    return new ConfigException(
        "rest.schema_missing",
        "api.schemas names "
            + (missing.size() == 1 ? "the schema '" : "the schemas '")
            + names
            + "', which database '"
            + database
            + "' does not have",
        "create the schema or remove it from api.schemas (schema names are case-sensitive)");
  }

  private static void endTransaction(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback(); // a no-op after the commit; ends the transaction after a failure
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // The connection is broken; the caller finds out on its next use.
    }
  }

  private static String databaseName(Connection connection) {
    try {
      String name = connection.getCatalog();
      return name == null ? "?" : name;
    } catch (SQLException e) {
      return "?";
    }
  }
}
