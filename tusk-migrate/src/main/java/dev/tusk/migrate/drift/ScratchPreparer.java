package dev.tusk.migrate.drift;

import java.sql.SQLException;

/**
 * Makes an empty scratch database look like the real one did before its first migration ran. Tusk's
 * bootstrap gave the real database its owner, schemas, extensions, grants and default privileges
 * (and ran its init_sql) before any migration; without the same in the scratch database every one
 * of them would read as drift. The CLI passes the bootstrap's own code (tusk-migrate does not
 * depend on the engine); roles are cluster-wide and exist already.
 */
@FunctionalInterface
public interface ScratchPreparer {

  /**
   * Prepares database {@code database}; throws a {@code TuskException} or SQLException on failure.
   */
  void prepare(String database) throws SQLException;

  /** For a database that bootstrap does not touch (the {@code postgres} database). */
  static ScratchPreparer none() {
    return database -> {};
  }
}
