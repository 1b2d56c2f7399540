package dev.tusk.core.http;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes the body of the answers the server gives on its own behalf: a malformed or oversized
 * request refused before any handler runs (400, 408, 413, 414, 431, ...), a handler that failed
 * (500), an overloaded server (503). The server decides the status and a stable code; the renderer
 * only decides how they look on the wire, so an API with its own error shape (the REST API answers
 * as PostgREST does) says the same thing in its own words. {@link #DEFAULT} is the server's own
 * {@code {"code","message"}} body, which the admin server keeps.
 *
 * <p>Called on the connection's thread with the server's own words: {@code message} never carries
 * request bytes. A renderer that throws falls back to {@link #DEFAULT}, so a bug in it cannot leave
 * a refused request without an answer.
 */
@FunctionalInterface
public interface ErrorRenderer {

  /**
   * @param status the HTTP status the server answers with
   * @param code a stable identifier such as {@code http.body_too_large}
   * @param message what went wrong, in the server's words
   */
  Rendered render(int status, String code, String message);

  /** A body and its {@code Content-Type}. */
  record Rendered(String contentType, byte[] body) {
    public Rendered {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(body, "body");
    }
  }

  /** {@code {"code":"http.…","message":"…"}} as {@code application/json}. */
  ErrorRenderer DEFAULT =
      (status, code, message) ->
          new Rendered(
              "application/json",
              ("{\"code\":\""
                      + jsonEscape(code)
                      + "\",\"message\":\""
                      + jsonEscape(message)
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8));

  /** {@code s} as the inside of a JSON string. */
  static String jsonEscape(String s) {
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
