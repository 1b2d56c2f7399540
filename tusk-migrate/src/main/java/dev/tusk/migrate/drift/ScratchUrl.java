package dev.tusk.migrate.drift;

import dev.tusk.core.error.ConfigException;
import dev.tusk.core.libpq.ConnInfo;
import dev.tusk.core.libpq.Problem;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --scratch-url}: an existing empty database to build the schema in, as a libpq URI ({@code
 * postgresql://user:password@host:5432/db?sslmode=require}) or a pgjdbc URL ({@code
 * jdbc:postgresql://host:5432/db?user=...&password=...}). One TCP host, a database, and only the
 * parameters a connection needs ({@code user}, {@code password}, {@code sslmode}, {@code
 * sslrootcert}, and {@code dbname} in a libpq URI); anything else is refused rather than ignored.
 * The syntax is {@link ConnInfo}'s (libpq's), the jdbc form read as the same URI without user@. The
 * URL may hold a password, so errors describe the problem without quoting it and {@link
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
    boolean jdbc = url.startsWith("jdbc:postgresql://");
    String libpq;
    if (jdbc) {
      libpq = "postgresql://" + url.substring("jdbc:postgresql://".length());
    } else if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      libpq = url;
    } else {
      throw bad("is not a postgresql://, postgres:// or jdbc:postgresql:// URL");
    }
    if (jdbc && hasUserInfo(libpq.substring("postgresql://".length()))) {
      throw bad("has user@ in a jdbc: URL; pass ?user=...&password=... instead");
    }
    ConnInfo info = ConnInfo.parse(libpq, ScratchUrl::syntax);
    for (ConnInfo.Param q : info.query()) {
      switch (q.keyword()) {
        case "user", "password", "sslmode", "sslrootcert" -> {}
        case "dbname" -> {
          if (jdbc) {
            throw bad("has the parameter 'dbname'; a jdbc: URL names the database in its path");
          }
        }
        default ->
            throw bad(
                "has the parameter '"
                    + q.keyword()
                    + "'; only user, password, sslmode, sslrootcert (and dbname) are used");
      }
    }
    String host = info.get("host").orElse("");
    if (host.isEmpty()) {
      throw bad("has no host (a Unix socket cannot be used; give host and port)");
    }
    if (host.contains(",")) {
      throw bad("names several hosts; give the one server the scratch database is on");
    }
    if (host.startsWith("/") || host.startsWith("@")) {
      throw bad("names a Unix socket as its host, which cannot be used; give host and port");
    }
    String database = info.get("dbname").orElse("");
    if (database.isEmpty()) {
      throw bad("names no database; add /DATABASE after the host");
    }
    Optional<String> sslMode = info.get("sslmode");
    if (sslMode.isPresent() && !SSL_MODES.contains(sslMode.get())) {
      throw bad(
          "has an sslmode that is not one of "
              + String.join(", ", SSL_MODES.stream().sorted().toList()));
    }
    String port = info.get("port").orElse("");
    return new ScratchUrl(
        host,
        port.isEmpty() ? 5432 : Integer.parseInt(port),
        database,
        info.get("user").filter(u -> !u.isEmpty()),
        info.get("password"),
        sslMode,
        info.get("sslrootcert").filter(c -> !c.isEmpty()));
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

  /** libpq's rule for where the user name and password end: an '@' before any '/'. */
  private static boolean hasUserInfo(String rest) {
    for (int i = 0; i < rest.length() && rest.charAt(i) != '/'; i++) {
      if (rest.charAt(i) == '@') {
        return true;
      }
    }
    return false;
  }

  /** The shared parser's problem in this option's words; a bad parameter name is not quoted. */
  private static ConfigException syntax(Problem problem) {
    return bad(
        problem == Problem.QUERY_BAD_KEYWORD
            ? "has the parameter '(unprintable or long name)'; only user, password, sslmode,"
                + " sslrootcert (and dbname) are used"
            : problem.text());
  }

  private static ConfigException bad(String problem) {
    return new ConfigException(
        "migrate.bad_scratch_url",
        "--scratch-url " + problem + " (the URL is not repeated here: it may hold a password)",
        "give postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE, or"
            + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD");
  }
}
