package dev.tusk.core.http;

import java.util.Optional;

/**
 * The responses the server writes on its own behalf: a parse error, a refused body, a timeout, a
 * handler's exception, an overloaded server. The status and code are decided here and by {@link
 * HttpError}; the body comes from the configured {@link ErrorRenderer}. Messages are the server's
 * own words and never echo request bytes back.
 */
final class ErrorResponses {

  private final ErrorRenderer renderer;

  ErrorResponses(ErrorRenderer renderer) {
    this.renderer = renderer;
  }

  Response of(HttpError e) {
    return error(e.status(), e.code(), e.getMessage(), Headers.empty());
  }

  Response timeout() {
    return error(
        408, "http.request_timeout", "the request did not arrive in time", Headers.empty());
  }

  Response internalError() {
    return error(
        500, "http.internal_error", "the server failed to answer this request", Headers.empty());
  }

  Response overloaded() {
    return error(
        503,
        "http.overloaded",
        "too many open connections; retry shortly",
        Headers.of("Retry-After", "1"));
  }

  private Response error(int status, String code, String message, Headers extra) {
    ErrorRenderer.Rendered body = render(status, code, message);
    Headers headers =
        Headers.builder().add("Content-Type", body.contentType()).addAll(extra).build();
    return new Response(status, Optional.empty(), headers, Body.of(body.body()));
  }

  private ErrorRenderer.Rendered render(int status, String code, String message) {
    if (renderer != ErrorRenderer.DEFAULT) {
      try {
        ErrorRenderer.Rendered r = renderer.render(status, code, message);
        if (r != null && Syntax.isFieldValue(r.contentType()) && !r.contentType().isBlank()) {
          return r;
        }
      } catch (RuntimeException e) {
        // A broken renderer must not leave a refused request unanswered: use the default body.
      }
    }
    return ErrorRenderer.DEFAULT.render(status, code, message);
  }
}
