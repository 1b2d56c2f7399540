package dev.tusk.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The responses the server writes on its own behalf: a parse error, a refused body, a handler's
 * exception, an overloaded server. The body is {@code {"code":"...","message":"..."}}; messages are
 * the server's own words and never echo request bytes back.
 */
final class ErrorResponses {

  private ErrorResponses() {}

  static Response of(HttpError e) {
    return json(e.status(), e.code(), e.getMessage());
  }

  static Response internalError() {
    return json(500, "http.internal_error", "the server failed to answer this request");
  }

  static Response overloaded() {
    return new Response(
        503,
        Optional.empty(),
        Headers.of("Content-Type", "application/json", "Retry-After", "1"),
        Body.of(body("http.overloaded", "too many open connections; retry shortly")));
  }

  static Response json(int status, String code, String message) {
    return Response.of(status, Headers.of("Content-Type", "application/json"), body(code, message));
  }

  private static byte[] body(String code, String message) {
    String json = "{\"code\":\"" + escape(code) + "\",\"message\":\"" + escape(message) + "\"}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
