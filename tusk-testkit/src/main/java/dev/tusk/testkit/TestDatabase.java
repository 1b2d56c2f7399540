package dev.tusk.testkit;

import java.sql.Connection;
import java.sql.SQLException;

/** A fresh database on the run's {@link TestServer}, handed to one test class. */
public record TestDatabase(String name, TestServer server) {

  /** A new superuser connection to this database (TLS, verified against the server's CA). */
  public Connection connect() throws SQLException {
    return server.superuser().open(name);
  }
}
