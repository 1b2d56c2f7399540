package dev.tusk.rest.server;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.libpq.ConnInfo;
import dev.tusk.core.libpq.Problem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A libpq connection string ({@code postgres://user:pw@host:5432/db?sslmode=require}, or {@code
 * host=... dbname=...}), as PostgREST's db-uri takes it, turned into a pgjdbc URL and properties.
 * The string is read by {@link ConnInfo}, as at config time. Only the parameters pgjdbc understands
 * the same way are carried over; any other is an error that names it, never silently dropped.
 * Several hosts ({@code host=h1,h2 port=5432,5433}) become pgjdbc's several hosts.
 */
public record LibpqTarget(String jdbcUrl, Properties properties) {

  private static final Map<String, String> CARRIED =
      Map.of(
          "user", "user",
          "password", "password",
          "sslmode", "sslmode",
          "sslrootcert", "sslrootcert",
          "sslcert", "sslcert",
          "sslkey", "sslkey",
          "application_name", "ApplicationName",
          "connect_timeout", "connectTimeout",
          "options", "options",
          "target_session_attrs", "targetServerType");

  /** What the string may hold, and so what libpq's environment may fill in. */
  private static final Set<String> KNOWN = known();

  public static LibpqTarget parse(String conninfo) {
    return parse(conninfo, Map.of());
  }

  /**
   * As libpq: a parameter the connection string leaves out is taken from its environment variable
   * ({@code PGPASSWORD}, {@code PGHOST}, ...) when set and not empty; the string wins otherwise.
   */
  public static LibpqTarget parse(String conninfo, Map<String, String> env) {
    ConnInfo parsed = ConnInfo.parse(conninfo.strip(), LibpqTarget::syntax);
    // An empty user or dbname is none, as the config check reads it (api.user comes from PGUSER
    // then), so that the server logs in as the role the config names and refuses.
    Map<String, String> named = new LinkedHashMap<>(parsed.values());
    named
        .entrySet()
        .removeIf(e -> Set.of("user", "dbname").contains(e.getKey()) && e.getValue().isEmpty());
    ConnInfo info = new ConnInfo(parsed.form(), named, parsed.query()).withEnvironment(env, KNOWN);
    Properties p = new Properties();
    for (Map.Entry<String, String> e : info.values().entrySet()) {
      switch (e.getKey()) {
        case "host", "port", "dbname" -> {}
        default -> {
          String jdbc = CARRIED.get(e.getKey());
          if (jdbc == null) {
            throw new ConfigException(
                "rest.db_uri_parameter",
                "api.db_uri parameter '" + e.getKey() + "' is not supported by Tusk's driver",
                "remove it; supported: " + String.join(", ", KNOWN));
          }
          p.setProperty(jdbc, e.getValue());
        }
      }
    }
    String db = info.get("dbname").orElse(info.get("user").orElse("postgres"));
    return new LibpqTarget(
        "jdbc:postgresql://"
            + String.join(",", addresses(info))
            + "/"
            + URLEncoder.encode(db, StandardCharsets.UTF_8).replace("+", "%20"),
        p);
  }

  /**
   * {@code host:port} for each host, by libpq's rules: one port for all hosts or one per host, an
   * empty entry meaning the default (localhost, 5432; Tusk's driver has no Unix sockets).
   */
  private static List<String> addresses(ConnInfo info) {
    List<String> hosts = info.list("host");
    if (hosts.isEmpty()) {
      hosts = List.of("");
    }
    List<String> ports = info.list("port");
    String shownPorts = info.get("port").orElse("");
    for (String port : ports) {
      if (!port.isEmpty() && !ConnInfo.isPort(port)) {
        throw new ConfigException(
            "rest.db_uri_port",
            "api.db_uri (or PGPORT) port "
                + quoted(shownPorts)
                + " is not a number from 1 to 65535",
            "e.g. port=5432");
      }
    }
    if (ports.size() > 1 && ports.size() != hosts.size()) {
      throw new ConfigException(
          "rest.db_uri_port",
          "api.db_uri (or PGPORT) has " + ports.size() + " ports for " + hosts.size() + " hosts",
          "give one port for all hosts, or one for each host");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hosts.size(); i++) {
      String host = hosts.get(i).isEmpty() ? "localhost" : hosts.get(i);
      if (host.startsWith("/") || host.startsWith("@")) {
        throw new ConfigException(
            "rest.db_uri_socket",
            "api.db_uri (or PGHOST) host " + quoted(host) + " is a Unix-domain socket",
            "Tusk's driver connects over TCP: use host=127.0.0.1 (or the server's address)");
      }
      if (!host.chars().allMatch(c -> Character.isLetterOrDigit(c) || "._-:%".indexOf(c) >= 0)) {
        throw new ConfigException(
            "rest.db_uri_host",
            "api.db_uri (or PGHOST) has a host that is not a host name or an IP address",
            "e.g. host=db.example.com, host=10.0.0.7 or host=::1");
      }
      String port = ports.isEmpty() ? "" : ports.get(ports.size() == 1 ? 0 : i);
      out.add(
          (host.contains(":") ? "[" + host + "]" : host) + ":" + (port.isEmpty() ? "5432" : port));
    }
    return out;
  }

  /** A port or host for a message: quoted when short and printable, else only described. */
  private static String quoted(String value) {
    return value.length() <= 100 && value.chars().noneMatch(Character::isISOControl)
        ? "'" + value + "'"
        : "(a long or unprintable value)";
  }

  private static ConfigException syntax(Problem problem) {
    String text =
        switch (problem) {
          case NOT_CONNINFO ->
              "is not a connection string: expected key=value pairs or a postgres:// URI";
          case UNTERMINATED_QUOTE -> "has an unterminated quoted value (no closing ')";
          default -> problem.text();
        };
    return new ConfigException(
        problem == Problem.BAD_PORT ? "rest.db_uri_port" : "rest.db_uri_syntax",
        "api.db_uri " + text + " (the value is not shown: it may hold a password)",
        "postgres://user:password@host:5432/dbname or host=localhost dbname=app user=authenticator");
  }

  private static Set<String> known() {
    Set<String> k = new LinkedHashSet<>(List.of("host", "port", "dbname"));
    k.addAll(CARRIED.keySet().stream().sorted().toList());
    return Collections.unmodifiableSet(k);
  }
}
