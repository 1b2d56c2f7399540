package dev.tusk.rest.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the token in a request: {@code Authorization: Bearer <token>} (the scheme in any case, as
 * RFC 7235 says and PostgREST accepts), else the cookie named by {@code api.jwt.cookie_name}. Like
 * PostgREST, another scheme (Basic, ...) means "no token". A cookie sent twice with different
 * values is refused rather than guessed at: a sibling subdomain can plant a second cookie of the
 * same name ("cookie tossing"), and picking either one could run the request as someone else.
 */
final class BearerToken {

  private BearerToken() {}

  static Optional<String> find(
      Optional<String> authorization, Optional<String> cookieHeader, Optional<String> cookieName) {
    Optional<String> fromHeader = authorization.flatMap(BearerToken::fromAuthorization);
    if (fromHeader.isPresent()) {
      return fromHeader;
    }
    if (cookieName.isPresent() && cookieHeader.isPresent()) {
      return fromCookies(cookieHeader.get(), cookieName.get());
    }
    return Optional.empty();
  }

  private static Optional<String> fromAuthorization(String header) {
    String value = header.strip();
    int space = indexOfWhitespace(value);
    String scheme = space < 0 ? value : value.substring(0, space);
    if (!scheme.toLowerCase(Locale.ROOT).equals("bearer")) {
      return Optional.empty();
    }
    String token = space < 0 ? "" : value.substring(space).strip();
    if (token.isEmpty()) {
      throw AuthError.invalid(
          AuthError.EMPTY, "the Authorization header is \"Bearer\" with no token");
    }
    return Optional.of(token);
  }

  private static Optional<String> fromCookies(String header, String name) {
    String found = null;
    for (String pair : header.split(";")) {
      int eq = pair.indexOf('=');
      if (eq < 0 || !pair.substring(0, eq).strip().equals(name)) {
        continue;
      }
      String value = unquote(pair.substring(eq + 1).strip());
      if (value.isEmpty()) {
        continue; // a cleared cookie ("name=") is no token
      }
      if (found != null && !found.equals(value)) {
        throw AuthError.invalid(
            AuthError.UNDECODABLE,
            "the cookie "
                + CompactJws.printable(name)
                + " is sent more than once, with different values");
      }
      found = value;
    }
    return Optional.ofNullable(found);
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
        return i;
      }
    }
    return -1;
  }
}
