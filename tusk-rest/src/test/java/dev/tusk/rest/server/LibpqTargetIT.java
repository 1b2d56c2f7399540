package dev.tusk.rest.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pgjdbc URL and properties made from a libpq string log in to a real server: quoted and
 * percent-encoded passwords arrive intact, several hosts are tried in order, and PGPASSWORD fills
 * in a password the string leaves out.
 */
@ExtendWith(TuskPostgres.class)
class LibpqTargetIT {

  /** Every character libpq's two syntaxes treat specially. */
  static final String PASSWORD = "p@ss:w/rd?#&= 'q'\\%+";

  static TestDatabase db;
  static String host;
  static int port;

  @BeforeAll
  static void role(TestDatabase database) throws Exception {
    db = database;
    host = db.server().superuser().endpoint().host();
    port = db.server().superuser().endpoint().port();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE libpq_target_it LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "'");
      s.execute("GRANT CONNECT ON DATABASE \"" + db.name() + "\" TO libpq_target_it");
    }
  }

  static String whoAmI(LibpqTarget t) throws Exception {
    try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.properties());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_user || '@' || current_database()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aQuotedPasswordInThePairsForm() throws Exception {
    String quoted = "'" + PASSWORD.replace("\\", "\\\\").replace("'", "\\'") + "'";
    LibpqTarget t =
        LibpqTarget.parse(
            "host="
                + host
                + " port="
                + port
                + " dbname="
                + db.name()
                + " user=libpq_target_it sslmode=require password="
                + quoted);

    assertThat(whoAmI(t)).isEqualTo("libpq_target_it@" + db.name());
  }

  @Test
  void aPercentEncodedPasswordInTheUriForm() throws Exception {
    String encoded = java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8);
    LibpqTarget t =
        LibpqTarget.parse(
            "postgresql://libpq_target_it:"
                + encoded.replace("+", "%20")
                + "@"
                + host
                + ":"
                + port
                + "/"
                + db.name()
                + "?sslmode=require");

    assertThat(whoAmI(t)).isEqualTo("libpq_target_it@" + db.name());
  }

  @Test
  void severalHostsAreTriedInOrderAndThePasswordComesFromPgpassword() throws Exception {
    int closed = TestServer.freePort();
    LibpqTarget t =
        LibpqTarget.parse(
            "postgresql://libpq_target_it@"
                + host
                + ":"
                + closed
                + ","
                + host
                + ":"
                + port
                + "/"
                + db.name()
                + "?sslmode=require&connect_timeout=5",
            Map.of("PGPASSWORD", PASSWORD));

    assertThat(t.jdbcUrl()).contains("," + host + ":" + port + "/");
    assertThat(whoAmI(t)).isEqualTo("libpq_target_it@" + db.name());
  }
}
