package dev.tusk.migrate.tenant;

import dev.tusk.core.error.ConfigException;
import java.util.regex.Pattern;

/**
 * A tenant's id, checked before anything connects. The id becomes part of two PostgreSQL names,
 * schema {@code tenant_<id>} and role {@code app_tenant_<id>}, so it is held to what such a name
 * can be without quoting or surprises: lowercase ASCII letters, digits and {@code _}, starting with
 * a letter, at most {@value #MAX_LENGTH} characters so that {@code app_tenant_<id>} fits
 * PostgreSQL's 63-byte identifiers (longer names would be truncated, and two tenants could end up
 * with one role). Everything else is refused rather than normalised: {@code Acme} and {@code acme}
 * would otherwise be two spellings of one tenant.
 */
public record TenantId(String value) {

  /** {@code app_tenant_} is 11 bytes; PostgreSQL names hold 63. */
  public static final int MAX_LENGTH = 63 - "app_tenant_".length();

  private static final Pattern SYNTAX = Pattern.compile("[a-z][a-z0-9_]*");

  /** How much of a refused id an error message repeats. */
  private static final int SHOWN_MAX = 60;

  public TenantId {
    if (value.length() > MAX_LENGTH || !SYNTAX.matcher(value).matches()) {
      throw new IllegalArgumentException("not a tenant id: " + value);
    }
  }

  /** Parses what a person typed; a usage error (exit 2) names the rule that was broken. */
  public static TenantId parse(String text) {
    String problem = problem(text);
    if (problem != null) {
      throw new ConfigException(
          "tenant.bad_id",
          "tenant id " + shown(text) + " is not valid: " + problem,
          "use 1 to "
              + MAX_LENGTH
              + " characters of lowercase letters a-z, digits and _, starting with a letter"
              + " (the id names schema tenant_<id> and role app_tenant_<id>)");
    }
    return new TenantId(text);
  }

  /** The schema the tenant's tables live in. */
  public String schema() {
    return "tenant_" + value;
  }

  /** The role a tenant's requests run as. */
  public String role() {
    return "app_tenant_" + value;
  }

  @Override
  public String toString() {
    return value;
  }

  private static String problem(String text) {
    if (text.isEmpty()) {
      return "it is empty";
    }
    if (text.length() > MAX_LENGTH) {
      return "it is "
          + text.length()
          + " characters long, over "
          + MAX_LENGTH
          + " (app_tenant_<id> must fit PostgreSQL's 63-byte names)";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (!ok) {
        return (c >= 'A' && c <= 'Z'
                ? "uppercase letters are not allowed"
                : "it contains " + shown(c))
            + " (only lowercase letters a-z, digits and _)";
      }
    }
    char first = text.charAt(0);
    if (first < 'a' || first > 'z') {
      return "it must start with a letter a-z";
    }
    return null;
  }

  private static String shown(char c) {
    return c < 0x20 || c == 0x7f || c > 0x7e
        ? String.format("the character U+%04X", (int) c)
        : "'" + c + "'";
  }

  /** The input in double quotes, escaped so that no control character reaches a terminal. */
  private static String shown(String text) {
    StringBuilder out = new StringBuilder("\"");
    int limit = Math.min(text.length(), SHOWN_MAX);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > limit) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}
