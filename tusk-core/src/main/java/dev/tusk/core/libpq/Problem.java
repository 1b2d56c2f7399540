package dev.tusk.core.libpq;

import dev.tusk.core.error.ConfigException;
import java.util.Locale;

/**
 * What is wrong with a connection string, worded so that it can follow whatever names the string
 * ({@code api.db_uri has a port that ...}, {@code --scratch-url has a port that ...}). No text
 * quotes the string or any part of it: it may hold a password, and a mistyped one (an unencoded
 * {@code @} or {@code :}) spreads the password into the user, host or database name.
 */
public enum Problem {
  NUL("contains a NUL character, which libpq cannot take"),
  NOT_UNICODE("contains a lone UTF-16 surrogate, which is not text"),
  NOT_CONNINFO("is neither a postgresql:// URI nor key=value pairs (such as host=... dbname=...)"),
  CONTROL_CHARACTER("contains a space or control character; percent-encode it in a URI (%20)"),
  BAD_PERCENT("has a '%' that is not followed by two hex digits"),
  PERCENT_NUL("has a percent-encoded NUL (%00)"),
  NOT_UTF8("has percent-encoded bytes that are not UTF-8"),
  AT_IN_HOST("has an '@' after its user name and password; percent-encode an '@' in either (%40)"),
  IPV6_UNCLOSED("has an IPv6 host without its closing ']'"),
  IPV6_EMPTY("has an empty IPv6 host ([])"),
  IPV6_TRAILING("has text after an IPv6 host's ']'"),
  BAD_PORT("has a port that is not a number from 1 to 65535"),
  QUERY_NOT_PAIR("has a query parameter that is not key=value"),
  QUERY_EXTRA_EQUALS("has a query parameter with a second '='; percent-encode it in a value (%3D)"),
  QUERY_BAD_KEYWORD(
      "has a query parameter whose name is not a keyword (only letters, digits and '_', up to 64)"),
  MISSING_EQUALS("is not a list of key=value pairs (a keyword is missing its '=')"),
  NO_KEYWORD("is not a list of key=value pairs (an '=' has no keyword before it)"),
  BAD_KEYWORD(
      "is not a list of key=value pairs (a keyword may have only letters, digits and '_', up to 64)"),
  UNTERMINATED_QUOTE("has a quoted value without its closing quote (')");

  private final String text;

  Problem(String text) {
    this.text = text;
  }

  /** A stable code such as {@code conninfo.bad_port}. */
  public String code() {
    return "conninfo." + name().toLowerCase(Locale.ROOT);
  }

  /** The problem as a predicate: {@code "has a port that is not a number from 1 to 65535"}. */
  public String text() {
    return text;
  }

  /** The error {@link ConnInfo#parse(String)} throws when its caller has no wording of its own. */
  public ConfigException exception() {
    return new ConfigException(
        code(),
        "the connection string " + text + " (it is not shown: it may hold a password)",
        "write it as postgresql://USER:PASSWORD@HOST:PORT/DATABASE?KEY=VALUE or as"
            + " host=HOST port=PORT dbname=DATABASE user=USER");
  }
}
