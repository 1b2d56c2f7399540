package dev.tusk.core.config;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Checks a libpq connection string ({@code api.db_uri}, PostgREST's {@code db-uri}) and reads the
 * user and database out of it, following libpq's two forms: a URI ({@code
 * postgresql://user:pw@host1:5432,host2/db?sslmode=require}, percent-encoded, query parameters
 * override the parts before them) and {@code key=value} pairs (values optionally in single quotes,
 * backslash escapes). It checks syntax only, not keywords: the server decides which options it
 * knows. The value is a secret, so errors describe the problem and never quote the value.
 */
final class DbUri {

  /** What the string names; empty parts fall back to libpq's environment (PGUSER, PGDATABASE). */
  record Parts(Optional<String> user, Optional<String> database) {}

  private DbUri() {}

  static Parts parse(Scalar s, String value) {
    if (value.startsWith("postgresql://") || value.startsWith("postgres://")) {
      return uri(s, value.substring(value.indexOf("://") + 3));
    }
    if (value.indexOf('=') >= 0) {
      return keyValue(s, value);
    }
    throw ConfigErrors.badSecret(
        s, "is neither a postgresql:// URI nor key=value pairs (such as host=... dbname=...)");
  }

  private static Parts uri(Scalar s, String rest) {
    for (int i = 0; i < rest.length(); i++) {
      if (rest.charAt(i) <= ' ' || rest.charAt(i) == 0x7f) {
        throw ConfigErrors.badSecret(
            s, "contains a space or control character; percent-encode it in a URI (%20)");
      }
    }
    String user = null;
    String database = null;
    int p = 0;
    while (p < rest.length() && rest.charAt(p) != '@' && rest.charAt(p) != '/') {
      p++;
    }
    if (p < rest.length() && rest.charAt(p) == '@') {
      String userInfo = rest.substring(0, p);
      int colon = userInfo.indexOf(':');
      user = decode(s, colon < 0 ? userInfo : userInfo.substring(0, colon));
      if (colon >= 0) {
        decode(s, userInfo.substring(colon + 1));
      }
      rest = rest.substring(p + 1);
    }
    int end = 0;
    while (end < rest.length() && rest.charAt(end) != '/' && rest.charAt(end) != '?') {
      end++;
    }
    for (String host : rest.substring(0, end).split(",", -1)) {
      checkHost(s, host);
    }
    rest = rest.substring(end);
    if (rest.startsWith("/")) {
      int q = rest.indexOf('?');
      database = decode(s, q < 0 ? rest.substring(1) : rest.substring(1, q));
      rest = q < 0 ? "" : rest.substring(q);
    }
    if (rest.startsWith("?") && rest.length() > 1) {
      for (String param : rest.substring(1).split("&", -1)) {
        int eq = param.indexOf('=');
        if (eq <= 0) {
          throw ConfigErrors.badSecret(s, "has a query parameter that is not key=value");
        }
        String key = decode(s, param.substring(0, eq));
        String val = decode(s, param.substring(eq + 1));
        switch (key) {
          case "user" -> user = val;
          case "dbname" -> database = val;
          default -> {}
        }
      }
    }
    return parts(user, database);
  }

  private static void checkHost(Scalar s, String host) {
    String port = "";
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        throw ConfigErrors.badSecret(s, "has an IPv6 host without its closing ']'");
      }
      String after = host.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw ConfigErrors.badSecret(s, "has text after an IPv6 host's ']'");
      }
      port = after.isEmpty() ? "" : after.substring(1);
    } else if (host.indexOf(':') >= 0) {
      port = host.substring(host.indexOf(':') + 1);
    }
    if (!port.isEmpty() && !validPort(port)) {
      throw ConfigErrors.badSecret(s, "has a port that is not a number from 1 to 65535");
    }
  }

  private static boolean validPort(String port) {
    if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int n = Integer.parseInt(port);
    return n >= 1 && n <= 65535;
  }

  private static Parts keyValue(Scalar s, String text) {
    String user = null;
    String database = null;
    int i = 0;
    int n = text.length();
    while (true) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
        i++;
      }
      String key = text.substring(start, i);
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (key.isEmpty() || i >= n || text.charAt(i) != '=') {
        throw ConfigErrors.badSecret(
            s, "is not a list of key=value pairs (a keyword is missing its '=')");
      }
      i++;
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '\'') {
        i++;
        while (i < n && text.charAt(i) != '\'') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        if (i >= n) {
          throw ConfigErrors.badSecret(s, "has a quoted value without its closing quote (')");
        }
        i++;
      } else {
        while (i < n && !Character.isWhitespace(text.charAt(i))) {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(text.charAt(i++));
        }
      }
      switch (key) {
        case "user" -> user = value.toString();
        case "dbname" -> database = value.toString();
        default -> {}
      }
    }
    return parts(user, database);
  }

  private static Parts parts(String user, String database) {
    return new Parts(
        Optional.ofNullable(user).filter(u -> !u.isEmpty()),
        Optional.ofNullable(database).filter(d -> !d.isEmpty()));
  }

  /** Percent-decoding as libpq does it: %XX only, and the result must be UTF-8. */
  private static String decode(Scalar s, String part) {
    if (part.indexOf('%') < 0) {
      return part;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < part.length(); i++) {
      int c = part.codePointAt(i);
      if (c != '%') {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c) - 1;
        continue;
      }
      if (i + 2 >= part.length()
          || Character.digit(part.charAt(i + 1), 16) < 0
          || Character.digit(part.charAt(i + 2), 16) < 0) {
        throw ConfigErrors.badSecret(s, "has a '%' that is not followed by two hex digits");
      }
      int b =
          Character.digit(part.charAt(i + 1), 16) * 16 + Character.digit(part.charAt(i + 2), 16);
      if (b == 0) {
        throw ConfigErrors.badSecret(s, "has a percent-encoded NUL (%00)");
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
      throw ConfigErrors.badSecret(s, "has percent-encoded bytes that are not UTF-8");
    }
  }
}
