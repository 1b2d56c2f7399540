package dev.tusk.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value rules of the API's keys that are not plain numbers, names or paths: function names,
 * CORS origins, the JWT audience, cookie names, the JWKS URL and {@code tx_end}. Shared by
 * tusk.yaml and the PostgREST config, so both accept exactly the same values.
 */
final class ApiValues {

  static final String FUNCTION =
      "a function name, schema.function or function (each part 1-63 bytes, no spaces or quotes)";
  static final String ORIGIN =
      "an origin such as https://app.example.com (scheme://host[:port], no path, no trailing /)";
  static final String JWKS_URL =
      "an https URL, or an http URL on a loopback host (localhost, 127.0.0.1, [::1])";
  static final String AUDIENCE = "a string, or a URI when it contains ':'";
  static final String COOKIE = "a cookie name (letters, digits and !#$%&'*+-.^_`|~, 1-256)";

  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
  private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,256}");
  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private ApiValues() {}

  /**
   * PostgREST's db-pre-request: split at the first '.', each part used as a quoted identifier (so
   * case is kept). A name without a schema is found through the request's search_path.
   */
  static Optional<String> function(Scalar s) {
    if (s.isNull()) {
      return Optional.empty();
    }
    String name = Convert.text(s, FUNCTION);
    String[] parts = name.split("\\.", -1);
    if (parts.length > 2) {
      throw ConfigErrors.badValue(s, FUNCTION);
    }
    for (String part : parts) {
      boolean bad =
          part.isEmpty()
              || part.getBytes(StandardCharsets.UTF_8).length > Names.MAX_IDENTIFIER_BYTES
              || part.chars().anyMatch(c -> c == '"' || c == 0 || Character.isWhitespace(c));
      if (bad) {
        throw ConfigErrors.badValue(s, FUNCTION);
      }
    }
    return Optional.of(name);
  }

  /** One allowed CORS origin, compared by the API with the request's Origin header as written. */
  static String origin(Scalar s) {
    String text = Convert.text(s, ORIGIN);
    try {
      URI uri = new URI(text);
      boolean ok =
          uri.getScheme() != null
              && SCHEME.matcher(uri.getScheme()).matches()
              && uri.getHost() != null
              && uri.getRawUserInfo() == null
              && uri.getRawPath().isEmpty()
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      if (ok) {
        return text;
      }
    } catch (URISyntaxException e) {
      // falls through to the error below
    }
    throw ConfigErrors.badValue(s, ORIGIN);
  }

  /** RFC 7519's StringOrURI, as PostgREST checks jwt-aud. */
  static Optional<String> audience(Scalar s) {
    if (s.isNull()) {
      return Optional.empty();
    }
    String text = Convert.text(s, AUDIENCE);
    if (text.indexOf(':') >= 0) {
      try {
        if (!new URI(text).isAbsolute()) {
          throw ConfigErrors.badValue(s, AUDIENCE);
        }
      } catch (URISyntaxException e) {
        throw ConfigErrors.badValue(s, AUDIENCE);
      }
    }
    return Optional.of(text);
  }

  static Optional<String> cookie(Scalar s) {
    if (s.isNull()) {
      return Optional.empty();
    }
    String text = Convert.text(s, COOKIE);
    if (!COOKIE_NAME.matcher(text).matches()) {
      throw ConfigErrors.badValue(s, COOKIE);
    }
    return Optional.of(text);
  }

  /** Keys fetched over plain http could be swapped on the way; only loopback is trusted. */
  static Optional<URI> jwksUrl(Scalar s) {
    if (s.isNull()) {
      return Optional.empty();
    }
    String text = Convert.text(s, JWKS_URL);
    try {
      URI uri = new URI(text);
      String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
      String host = uri.getHost();
      boolean ok =
          host != null
              && uri.getRawUserInfo() == null
              && uri.getRawFragment() == null
              && (scheme.equals("https") || (scheme.equals("http") && loopback(host)));
      if (ok) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // falls through to the error below
    }
    throw ConfigErrors.badValue(s, JWKS_URL);
  }

  private static boolean loopback(String host) {
    return host.equalsIgnoreCase("localhost")
        || IPV4_LOOPBACK.matcher(host).matches()
        || host.equals("[::1]");
  }

  /** PostgREST's spelling: {@code commit-allow-override}; case is ignored as for other choices. */
  static TxEnd txEnd(Scalar s) {
    String text = s.text().map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("");
    for (TxEnd t : TxEnd.values()) {
      if (name(t).equals(text)) {
        return t;
      }
    }
    throw ConfigErrors.badValue(
        s, "one of commit | commit-allow-override | rollback | rollback-allow-override");
  }

  /** How tusk.yaml and PostgREST write a {@link TxEnd}. */
  static String name(TxEnd t) {
    return t.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
