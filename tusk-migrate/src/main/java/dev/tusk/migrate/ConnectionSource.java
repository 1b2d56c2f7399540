package dev.tusk.migrate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a new connection to the database being migrated; the migrator closes it. Migrations run as
 * the connection's role (normally the database owner), so objects they create belong to it.
 */
@FunctionalInterface
public interface ConnectionSource {

  Connection open() throws SQLException;
}
