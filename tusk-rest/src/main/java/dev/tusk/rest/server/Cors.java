package dev.tusk.rest.server;

import dev.tusk.core.http.Headers;
import dev.tusk.core.http.Request;
import dev.tusk.core.http.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CORS as PostgREST does it: any origin when {@code api.cors_origins} is empty, else only the
 * listed ones; preflight requests answered without touching the database.
 */
final class Cors {

  static final String EXPOSE =
      "Content-Encoding, Content-Location, Content-Range, Content-Type, Date, Location, Server,"
          + " Transfer-Encoding, Range-Unit";

  private Cors() {}

  static boolean isPreflight(Request r) {
    return r.method().equals("OPTIONS")
        && r.headers().first("Origin").isPresent()
        && r.headers().first("Access-Control-Request-Method").isPresent();
  }

  static Response preflight(Request r, List<String> allowed) {
    Optional<String> origin = allowedOrigin(r, allowed);
    if (origin.isEmpty()) {
      return Response.of(200, Headers.empty(), new byte[0]);
    }
    Headers.Builder h =
        Headers.builder()
            .add("Access-Control-Allow-Origin", origin.get())
            .add("Access-Control-Allow-Credentials", "true")
            .add("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS, HEAD")
            .add("Access-Control-Allow-Headers", allowHeaders(r))
            .add("Access-Control-Max-Age", "86400");
    return Response.of(200, h.build(), new byte[0]);
  }

  /**
   * PostgREST's (wai-cors') list: Authorization, the requested headers, then the CORS-safelisted
   * request headers not already named, e.g. {@code Authorization, Content-Type, Accept,
   * Accept-Language, Content-Language} for a request asking for Content-Type.
   */
  static String allowHeaders(Request r) {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("authorization", "Authorization");
    for (String h : r.headers().first("Access-Control-Request-Headers").orElse("").split(",")) {
      String name = h.strip();
      if (!name.isEmpty()) {
        names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
      }
    }
    for (String safe : List.of("Content-Type", "Accept", "Accept-Language", "Content-Language")) {
      names.putIfAbsent(safe.toLowerCase(Locale.ROOT), safe);
    }
    return String.join(", ", names.values());
  }

  static Response decorate(Request r, Response resp, List<String> allowed) {
    if (isPreflight(r)) {
      return resp;
    }
    Optional<String> origin = allowedOrigin(r, allowed);
    if (origin.isEmpty()) {
      return resp;
    }
    Headers h =
        Headers.builder()
            .addAll(resp.headers())
            .add("Access-Control-Allow-Origin", origin.get())
            .add("Access-Control-Allow-Credentials", "true")
            .add("Access-Control-Expose-Headers", EXPOSE)
            .build();
    return new Response(resp.status(), resp.reason(), h, resp.body());
  }

  private static Optional<String> allowedOrigin(Request r, List<String> allowed) {
    Optional<String> origin = r.headers().first("Origin");
    if (origin.isEmpty()) {
      return Optional.empty();
    }
    if (allowed.isEmpty()) {
      return origin; // echoed, not "*": browsers refuse "*" together with credentials
    }
    return allowed.contains(origin.get()) ? origin : Optional.empty();
  }
}
