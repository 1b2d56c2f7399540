package dev.tusk.rest.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds parse calls from a URL and header pairs, the way a test reads best. */
final class Requests {

  static final RequestLimits LIMITS = RequestLimits.defaults(List.of("content", "identity"));

  private Requests() {}

  /** {@code send("GET", "/articles?select=id", "Prefer", "count=exact")}. */
  static ApiRequest send(String method, String url, String... headerPairs) {
    return send(method, url, LIMITS, null, headerPairs);
  }

  static ApiRequest send(
      String method, String url, RequestLimits limits, String body, String... headerPairs) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? null : url.substring(q + 1);
    return ApiRequest.parse(
        method,
        path,
        query,
        headers(headerPairs),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        limits);
  }

  static ApiRequest get(String url, String... headerPairs) {
    return send("GET", url, headerPairs);
  }

  static Map<String, List<String>> headers(String... pairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      headers.computeIfAbsent(pairs[i], k -> new ArrayList<>()).add(pairs[i + 1]);
    }
    return headers;
  }
}
