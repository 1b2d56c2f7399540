package dev.tusk.migrate.drift;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens superuser connections to databases of one server by name: where a scratch database is made,
 * prepared and read. The caller closes each connection.
 */
@FunctionalInterface
public interface DatabaseServer {

  Connection open(String database) throws SQLException;
}
