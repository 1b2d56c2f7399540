package dev.tusk.core.config;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The naming rules. SQL identifiers follow PostgreSQL: 1-63 bytes (NAMEDATALEN - 1; PostgreSQL
 * would silently truncate longer ones), anything but NUL, since the engine always quotes them. Role
 * names may not start with {@code pg_} and may not be {@code public} or {@code none} (PostgreSQL
 * refuses them). GUC names and listen addresses end up in postgresql.conf, so they are held to
 * patterns that cannot break out of a line.
 */
final class Names {

  static final int MAX_IDENTIFIER_BYTES = 63;

  private static final Pattern CLUSTER = Pattern.compile("[a-z][a-z0-9-]{0,62}");
  private static final Pattern GUC = Pattern.compile("[a-z_][a-z0-9_.]*");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]{1,253}");
  private static final Pattern OS_USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");
  private static final Set<String> RESERVED_ROLES = Set.of("public", "none");

  private Names() {}

  static String clusterName(Scalar s) {
    String name = Convert.text(s, "a cluster name");
    if (!CLUSTER.matcher(name).matches()) {
      throw ConfigErrors.badValue(
          s, "lower-case letters, digits and '-', starting with a letter, at most 63 characters");
    }
    return name;
  }

  /** {@code what} names the kind of object, such as "a schema name". */
  static String identifier(Scalar s, String what) {
    String name = Convert.text(s, what);
    if (name.indexOf('\0') >= 0
        || name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
      throw ConfigErrors.badValue(
          s, what + " of 1-" + MAX_IDENTIFIER_BYTES + " bytes without NUL characters");
    }
    return name;
  }

  static String roleName(Scalar s) {
    String name = identifier(s, "a role name");
    if (name.startsWith("pg_")) {
      throw ConfigErrors.badValue(s, "a role name that does not start with pg_ (reserved)");
    }
    if (RESERVED_ROLES.contains(name)) {
      throw ConfigErrors.badValue(s, "a role name other than public or none (reserved)");
    }
    return name;
  }

  static String schemaName(Scalar s) {
    String name = identifier(s, "a schema name");
    if (name.startsWith("pg_")) {
      throw ConfigErrors.badValue(s, "a schema name that does not start with pg_ (reserved)");
    }
    return name;
  }

  static boolean isGucName(String key) {
    return key.length() <= MAX_IDENTIFIER_BYTES && GUC.matcher(key).matches();
  }

  /** PostgreSQL's listen_addresses: host names or IP addresses separated by commas, or *. */
  static String listenAddresses(Scalar s) {
    String expectation = "host names or IP addresses separated by commas (no spaces), or *";
    String value = Convert.text(s, expectation);
    for (String part : value.split(",", -1)) {
      if (!part.equals("*") && !HOST.matcher(part).matches()) {
        throw ConfigErrors.badValue(s, expectation);
      }
    }
    return value;
  }

  /** One address for a server Tusk binds itself. */
  static String hostAddress(Scalar s) {
    String expectation = "one host name or IP address (0.0.0.0 or :: for all)";
    String value = Convert.text(s, expectation);
    if (!HOST.matcher(value).matches()) {
      throw ConfigErrors.badValue(s, expectation);
    }
    return value;
  }

  static String osUser(Scalar s) {
    String expectation = "an operating-system user name (lower-case, at most 32 characters)";
    String value = Convert.text(s, expectation);
    if (!OS_USER.matcher(value).matches()) {
      throw ConfigErrors.badValue(s, expectation);
    }
    return value;
  }
}
