package dev.tusk.rest.openapi;

import java.nio.charset.StandardCharsets;

/**
 * How names from the database become keys and references in the documents. Table, column and
 * function names may hold anything PostgreSQL allows (quotes, spaces, slashes, dots, unicode), so:
 *
 * <ul>
 *   <li>a path key percent-encodes the name as one URL path segment ({@code a/b} is {@code /a%2Fb},
 *       never a nested path; braces never look like a path template);
 *   <li>a {@code $ref} is a JSON pointer (RFC 6901: {@code ~} is {@code ~0}, {@code /} is {@code
 *       ~1}) in a URI fragment, percent-encoded where a fragment may not hold a character;
 *   <li>a key that joins names with dots ({@code rowFilter.table.column}) escapes the dots inside
 *       the names, so {@code a.b}+{@code c} and {@code a}+{@code b.c} stay two keys;
 *   <li>OpenAPI 3.1 component keys must match {@code ^[a-zA-Z0-9._-]+$}, so there every other
 *       character is written {@code -hex-} and a hyphen {@code --}.
 * </ul>
 *
 * Every mapping is one-to-one, and names made of letters, digits and underscores are unchanged, so
 * ordinary schemas get the keys PostgREST gives them.
 */
final class Keys {

  private static final String HEX = "0123456789ABCDEF";
  private static final String SUB_DELIMS = "!$&'()*+,;=";

  private Keys() {}

  /** {@code /name} for a table or view. */
  static String tablePath(String name) {
    return "/" + segment(name);
  }

  /** {@code /rpc/name} for a function. */
  static String rpcPath(String name) {
    return "/rpc/" + segment(name);
  }

  /** One URL path segment: RFC 3986 pchar kept, everything else percent-encoded as UTF-8. */
  static String segment(String name) {
    if (name.equals(".") || name.equals("..")) {
      return name.replace(".", "%2E");
    }
    return percentEncode(name, ":@");
  }

  /** {@code #/a/b/key}, the key escaped as a JSON pointer token inside a URI fragment. */
  static String ref(String section, String key) {
    String token = key.replace("~", "~0").replace("/", "~1");
    return "#/" + section + "/" + percentEncode(token, ":@/?");
  }

  /** A name inside a dot-joined Swagger 2.0 key: {@code %} and {@code .} percent-encoded. */
  static String dotted(String name) {
    return name.replace("%", "%25").replace(".", "%2E");
  }

  /** A name as an OpenAPI 3.1 component key (letters, digits and underscores unchanged). */
  static String component(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints()
        .forEach(
            cp -> {
              if (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_')) {
                out.append((char) cp);
              } else if (cp == '-') {
                out.append("--");
              } else {
                out.append('-').append(Integer.toHexString(cp)).append('-');
              }
            });
    return out.toString();
  }

  private static String percentEncode(String s, String alsoAllowed) {
    StringBuilder out = new StringBuilder(s.length());
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (unreserved(c) || SUB_DELIMS.indexOf(c) >= 0 || alsoAllowed.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  private static boolean unreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
