package dev.tusk.rest.tx;

import java.util.Map;
import java.util.Optional;

/**
 * Who is asking and how, as the transaction exposes it to SQL: the role to switch to, the JWT
 * claims (JSON text; {@code {"role": "<anon>"}} for anonymous requests, as PostgREST does), the
 * request's method, path, headers and cookies, and the schema for {@code search_path}.
 *
 * @param txOverride {@code Prefer: tx=commit|rollback} when allowed by {@code api.tx_end}
 */
public record RequestContext(
    String role,
    boolean authenticated,
    String claimsJson,
    String method,
    String path,
    String headersJson,
    String cookiesJson,
    String schema,
    Optional<Boolean> txOverride) {

  /** JSON text of {@code map} with string values, for request.headers / request.cookies. */
  public static String json(Map<String, String> map) {
    return Json.MAPPER.valueToTree(map).toString();
  }
}
