package dev.tusk.migrate.drift;

import dev.tusk.core.error.ConfigException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --scratch-url}: an existing empty database to build the schema in, as a libpq URI ({@code
 * postgresql://user:password@host:5432/db?sslmode=require}) or a pgjdbc URL ({@code
 * jdbc:postgresql://host:5432/db?user=...&password=...}). One TCP host, a database, and only the
 * parameters a connection needs ({@code user}, {@code password}, {@code sslmode}, {@code
 * sslrootcert}, and {@code dbname} in a libpq URI); anything else is refused rather than ignored.
 * The URL may hold a password, so errors describe the problem without quoting it and {@link
 * #toString()} leaves the credentials out.
 */
public record ScratchUrl(
    String host,
    int port,
    String database,
    Optional<String> user,
    Optional<String> password,
    Optional<String> sslMode,
    Optional<String> sslRootCert) {

  private static final Set<String> SSL_MODES =
      Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

  public static ScratchUrl parse(String url) {
    String rest;
    boolean jdbc = url.startsWith("jdbc:postgresql://");
    if (jdbc) {
      rest = url.substring("jdbc:postgresql://".length());
    } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      rest = url.substring(url.indexOf("://") + 3);
    } else {
      throw bad("is not a postgresql://, postgres:// or jdbc:postgresql:// URL");
    }
    for (int i = 0; i < rest.length(); i++) {
      if (rest.charAt(i) <= ' ' || rest.charAt(i) == 0x7f) {
        throw bad("contains a space or a control character (percent-encode it: %20)");
      }
    }
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    String user = null;
    String password = null;
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      if (jdbc) {
        throw bad("has user@ in a jdbc: URL; pass ?user=...&password=... instead");
      }
      String info = authority.substring(0, at);
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? null : decode(info.substring(colon + 1));
      authority = authority.substring(at + 1);
    }
    if (authority.contains(",")) {
      throw bad("names several hosts; give the one server the scratch database is on");
    }
    String host = authority;
    String port = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw bad("has an IPv6 host without its closing ']'");
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw bad("has text after an IPv6 host's ']'");
      }
      port = after.isEmpty() ? "" : after.substring(1);
    } else if (authority.indexOf(':') >= 0) {
      host = authority.substring(0, authority.indexOf(':'));
      port = authority.substring(authority.indexOf(':') + 1);
    }
    host = decode(host);
    if (host.isEmpty()) {
      throw bad("has no host (a Unix socket cannot be used; give host and port)");
    }
    String database = decode(path);
    String sslMode = null;
    String sslRootCert = null;
    if (!query.isEmpty()) {
      for (String param : query.split("&", -1)) {
        int eq = param.indexOf('=');
        if (eq <= 0) {
          throw bad("has a query parameter that is not key=value");
        }
        String key = decode(param.substring(0, eq));
        String value = decode(param.substring(eq + 1));
        switch (key) {
          case "user" -> user = value;
          case "password" -> password = value;
          case "sslmode" -> sslMode = value;
          case "sslrootcert" -> sslRootCert = value;
          case "dbname" -> {
            if (jdbc) {
              throw bad("has the parameter 'dbname'; a jdbc: URL names the database in its path");
            }
            database = value;
          }
          default ->
              throw bad(
                  "has the parameter '"
                      + printable(key)
                      + "'; only user, password, sslmode, sslrootcert (and dbname) are used");
        }
      }
    }
    if (database.isEmpty()) {
      throw bad("names no database; add /DATABASE after the host");
    }
    if (sslMode != null && !SSL_MODES.contains(sslMode)) {
      throw bad(
          "has an sslmode that is not one of "
              + String.join(", ", SSL_MODES.stream().sorted().toList()));
    }
    return new ScratchUrl(
        host,
        port(port),
        database,
        Optional.ofNullable(user).filter(u -> !u.isEmpty()),
        Optional.ofNullable(password),
        Optional.ofNullable(sslMode),
        Optional.ofNullable(sslRootCert).filter(c -> !c.isEmpty()));
  }

  /** {@code database scratch on db.example.org:5432}: how reports name it, without credentials. */
  public String shown() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "database " + database + " on " + h + ":" + port;
  }

  @Override
  public String toString() {
    return shown();
  }

  private static int port(String port) {
    if (port.isEmpty()) {
      return 5432;
    }
    if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw bad("has a port that is not a number from 1 to 65535");
    }
    int n = Integer.parseInt(port);
    if (n < 1 || n > 65535) {
      throw bad("has a port that is not a number from 1 to 65535");
    }
    return n;
  }

  /** A parameter name for a message: only when it is plain, else described. */
  private static String printable(String key) {
    return key.matches("[A-Za-z0-9_.-]{1,40}") ? key : "(unprintable or long name)";
  }

  /** Percent-decoding: %XX only, no NUL, and the result must be UTF-8. */
  private static String decode(String part) {
    if (part.indexOf('%') < 0) {
      return part;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] raw = part.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] != '%') {
        bytes.write(raw[i]);
        continue;
      }
      if (i + 2 >= raw.length
          || Character.digit(raw[i + 1], 16) < 0
          || Character.digit(raw[i + 2], 16) < 0) {
        throw bad("has a '%' that is not followed by two hex digits");
      }
      int b = Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16);
      if (b == 0) {
        throw bad("has a percent-encoded NUL (%00)");
      }
      bytes.write(b);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw bad("has percent-encoded bytes that are not UTF-8");
    }
  }

  private static ConfigException bad(String problem) {
    return new ConfigException(
        "migrate.bad_scratch_url",
        "--scratch-url " + problem + " (the URL is not repeated here: it may hold a password)",
        "give postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE, or"
            + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD");
  }
}
