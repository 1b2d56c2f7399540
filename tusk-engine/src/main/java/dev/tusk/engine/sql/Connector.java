package dev.tusk.engine.sql;

import dev.tusk.core.config.Secret;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens pgjdbc connections to one server as one role. The driver is used directly, not through
 * DriverManager, so no classpath scanning or global registration is involved.
 */
public final class Connector {

  private static final org.postgresql.Driver DRIVER = new org.postgresql.Driver();

  private final Endpoint endpoint;
  private final String user;
  private final Secret password;

  public Connector(Endpoint endpoint, String user, Secret password) {
    this.endpoint = endpoint;
    this.user = user;
    this.password = password;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public String user() {
    return user;
  }

  /** A new connection to {@code database}. */
  public Connection open(String database) throws SQLException {
    return open(database, java.util.Map.of());
  }

  /** A new connection with extra pgjdbc properties (e.g. preferQueryMode=simple). */
  public Connection open(String database, java.util.Map<String, String> extra) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password.value());
    p.setProperty("sslmode", endpoint.sslMode());
    endpoint.rootCert().ifPresent(c -> p.setProperty("sslrootcert", c.toString()));
    p.setProperty("connectTimeout", "5");
    p.setProperty("socketTimeout", "0");
    p.setProperty("ApplicationName", "tusk");
    p.setProperty("assumeMinServerVersion", "13");
    extra.forEach(p::setProperty);
    String host = endpoint.host().contains(":") ? "[" + endpoint.host() + "]" : endpoint.host();
    String url = "jdbc:postgresql://" + host + ":" + endpoint.port() + "/" + encode(database);
    Connection c = DRIVER.connect(url, p);
    if (c == null) {
      throw new SQLException("pgjdbc refused the URL " + url);
    }
    return c;
  }

  /** A copy of this connector for another role. */
  public Connector as(String otherUser, Secret otherPassword) {
    return new Connector(endpoint, otherUser, otherPassword);
  }

  private static String encode(String database) {
    return java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
