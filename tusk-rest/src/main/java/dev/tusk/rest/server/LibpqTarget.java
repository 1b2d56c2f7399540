package dev.tusk.rest.server;

import dev.tusk.core.error.ConfigException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A libpq connection string ({@code postgres://user:pw@host:5432/db?sslmode=require}, or {@code
 * host=... dbname=...}), as PostgREST's db-uri takes it, turned into a pgjdbc URL and properties.
 * Only the parameters pgjdbc understands the same way are carried over; any other is an error that
 * names it, never silently dropped.
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

  /** libpq's environment variables and the parameter each stands in for. */
  private static final Map<String, String> ENV =
      Map.ofEntries(
          Map.entry("PGHOST", "host"),
          Map.entry("PGPORT", "port"),
          Map.entry("PGDATABASE", "dbname"),
          Map.entry("PGUSER", "user"),
          Map.entry("PGPASSWORD", "password"),
          Map.entry("PGSSLMODE", "sslmode"),
          Map.entry("PGSSLROOTCERT", "sslrootcert"),
          Map.entry("PGSSLCERT", "sslcert"),
          Map.entry("PGSSLKEY", "sslkey"),
          Map.entry("PGAPPNAME", "application_name"),
          Map.entry("PGCONNECT_TIMEOUT", "connect_timeout"),
          Map.entry("PGOPTIONS", "options"),
          Map.entry("PGTARGETSESSIONATTRS", "target_session_attrs"));

  public static LibpqTarget parse(String conninfo) {
    return parse(conninfo, Map.of());
  }

  /**
   * As libpq: a parameter the connection string leaves out is taken from its environment variable
   * ({@code PGPASSWORD}, {@code PGHOST}, ...) when set and not empty; the string wins otherwise.
   */
  public static LibpqTarget parse(String conninfo, Map<String, String> env) {
    String s = conninfo.strip();
    Map<String, String> kv =
        s.startsWith("postgres://") || s.startsWith("postgresql://") ? fromUri(s) : fromPairs(s);
    ENV.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              String v = env.get(e.getKey());
              if (v != null && !v.isEmpty()) {
                kv.putIfAbsent(e.getValue(), v);
              }
            });
    if (kv.getOrDefault("host", "").startsWith("/")) {
      throw new ConfigException(
          "rest.db_uri_socket",
          "api.db_uri host '" + kv.get("host") + "' is a Unix-domain socket directory",
          "Tusk's driver connects over TCP: use host=127.0.0.1 (or the server's address)");
    }
    String host = kv.getOrDefault("host", "localhost");
    String port = kv.getOrDefault("port", "5432");
    String db = kv.getOrDefault("dbname", kv.getOrDefault("user", "postgres"));
    Properties p = new Properties();
    for (Map.Entry<String, String> e : kv.entrySet()) {
      switch (e.getKey()) {
        case "host", "port", "dbname" -> {}
        default -> {
          String jdbc = CARRIED.get(e.getKey());
          if (jdbc == null) {
            throw new ConfigException(
                "rest.db_uri_parameter",
                "api.db_uri parameter '" + e.getKey() + "' is not supported by Tusk's driver",
                "remove it; supported: host, port, dbname, " + String.join(", ", CARRIED.keySet()));
          }
          p.setProperty(jdbc, e.getValue());
        }
      }
    }
    if (!port.matches("[0-9]{1,5}")) {
      throw new ConfigException(
          "rest.db_uri_port",
          "api.db_uri (or PGPORT) port '" + port + "' is not a number",
          "e.g. port=5432");
    }
    String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    String url =
        "jdbc:postgresql://"
            + h
            + ":"
            + port
            + "/"
            + java.net.URLEncoder.encode(db, StandardCharsets.UTF_8).replace("+", "%20");
    return new LibpqTarget(url, p);
  }

  private static Map<String, String> fromUri(String s) {
    // libpq takes an empty authority (postgresql:///db, postgresql://?sslmode=...); java.net.URI
    // does not, so such a URI is read with a stand-in host that is then dropped.
    int authority = s.indexOf("://") + 3;
    String rest = s.substring(authority);
    boolean noHost = rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?");
    URI u;
    try {
      u = new URI(noHost ? s.substring(0, authority) + "stand-in" + rest : s);
    } catch (java.net.URISyntaxException e) {
      throw new ConfigException(
          "rest.db_uri_syntax",
          "api.db_uri is not a valid URI: " + e.getReason(),
          "postgres://user:password@host:5432/dbname");
    }
    Map<String, String> kv = new LinkedHashMap<>();
    if (u.getRawUserInfo() != null) {
      String[] up = u.getRawUserInfo().split(":", 2);
      kv.put("user", decode(up[0]));
      if (up.length == 2) {
        kv.put("password", decode(up[1]));
      }
    }
    if (u.getHost() != null && !noHost) {
      kv.put("host", u.getHost().replaceAll("^\\[|\\]$", ""));
    }
    if (u.getPort() > 0) {
      kv.put("port", Integer.toString(u.getPort()));
    }
    String path = u.getRawPath();
    if (path != null && path.length() > 1) {
      kv.put("dbname", decode(path.substring(1)));
    }
    if (u.getRawQuery() != null) {
      for (String pair : u.getRawQuery().split("&")) {
        if (!pair.isEmpty()) {
          String[] p = pair.split("=", 2);
          kv.put(decode(p[0]), p.length == 2 ? decode(p[1]) : "");
        }
      }
    }
    return kv;
  }

  /** {@code key=value key='quoted value'} with backslash escapes, as libpq reads it. */
  private static Map<String, String> fromPairs(String s) {
    Map<String, String> kv = new LinkedHashMap<>();
    int i = 0;
    while (i < s.length()) {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= s.length()) {
        break;
      }
      int eq = s.indexOf('=', i);
      if (eq < 0) {
        throw new ConfigException(
            "rest.db_uri_syntax",
            "api.db_uri: expected key=value at '" + s.substring(i) + "'",
            "host=localhost dbname=app user=authenticator");
      }
      String key = s.substring(i, eq).strip();
      i = eq + 1;
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      StringBuilder v = new StringBuilder();
      if (i < s.length() && s.charAt(i) == '\'') {
        i++;
        while (i < s.length() && s.charAt(i) != '\'') {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          v.append(s.charAt(i++));
        }
        if (i >= s.length()) {
          throw new ConfigException(
              "rest.db_uri_syntax",
              "api.db_uri: unterminated quoted value for " + key,
              "close the quote");
        }
        i++;
      } else {
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
          if (s.charAt(i) == '\\' && i + 1 < s.length()) {
            i++;
          }
          v.append(s.charAt(i++));
        }
      }
      kv.put(key, v.toString());
    }
    return kv;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
