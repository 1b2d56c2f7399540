package dev.tusk.cli.migrate;

import dev.tusk.core.error.OperationException;
import dev.tusk.engine.sql.Connector;
import dev.tusk.migrate.ConnectionSource;
import java.sql.SQLException;

/**
 * Superuser connections to the migrations database of the server {@code tusk up} runs. A refused
 * connection says where it tried and that the platform may not be running, rather than surfacing as
 * a bare driver message.
 */
final class ServerSource {

  private ServerSource() {}

  static ConnectionSource of(Connector superuser, String database) {
    return () -> {
      try {
        return superuser.open(database);
      } catch (SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (!state.startsWith("08")) {
          throw e;
        }
        throw new OperationException(
            "migrate.connect_failed",
            "could not connect to database "
                + database
                + " on "
                + superuser.endpoint().host()
                + ":"
                + superuser.endpoint().port()
                + ": "
                + e.getMessage().lines().findFirst().orElse(""),
            "is tusk up running with this config? (tusk status)",
            e);
      }
    };
  }
}
