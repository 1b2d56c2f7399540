package dev.tusk.rest.request;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the API understands it, before any database is consulted: what to do to which
 * resource in which schema, the parsed query string, the client's preferences and media types, and
 * the body, still raw. The first stage of the pipeline (request, plan, query, transaction,
 * response): pure, so every URL the grammar admits is unit-testable.
 *
 * @param schema the schema the request addresses: the profile header's, or the default
 * @param schemaFromProfile whether the schema counts as negotiated by profile, so that the response
 *     names it back in Content-Profile: Accept-Profile/Content-Profile chose it, or (as in
 *     PostgREST) more than one schema is exposed and the default was taken
 * @param accept the Accept header's ranges, best first ({@code *}{@code /*} when absent)
 * @param negotiation {@code accept} matched against what the built-in handlers produce for this
 *     action; the planner renegotiates with {@link MediaNegotiator} when a function produces its
 *     own media type
 * @param payload the body of POST, PATCH and PUT, with its Content-Type (JSON when absent)
 */
public record ApiRequest(
    Action action,
    String schema,
    boolean schemaFromProfile,
    QueryParams query,
    Preferences preferences,
    List<MediaRange> accept,
    Negotiation negotiation,
    Optional<Payload> payload) {

  public ApiRequest {
    accept = List.copyOf(accept);
  }

  /**
   * Parses one request. Throws only {@link ApiRequestException}, for any input.
   *
   * @param method the request method, case-sensitive as HTTP defines it
   * @param rawPath the path as sent, still percent-encoded, without the query
   * @param rawQuery the query string as sent, without {@code ?}; null or empty for none
   * @param headers header names in any case; repeated headers as several values
   * @param body the request body, empty or null for none
   */
  public static ApiRequest parse(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      RequestLimits limits) {
    return ApiRequestParser.parse(method, rawPath, rawQuery, headers, body, limits);
  }

  public Resource resource() {
    return action.resource();
  }
}
