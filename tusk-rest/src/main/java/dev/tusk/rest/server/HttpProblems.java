package dev.tusk.rest.server;

import dev.tusk.core.http.ErrorRenderer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP server's own answers (a request refused before the handler runs, a handler's failure,
 * overload) in PostgREST's error shape, so a client of the API sees one shape whatever refused it.
 * PostgREST has no codes for HTTP framing, so each answer takes the closest PGRST code and keeps
 * its HTTP status:
 *
 * <ul>
 *   <li>the request line and headers (400, 408, 414, 417, 431, 505): PGRST100, "the request could
 *       not be parsed", the group PostgREST uses for a malformed query string;
 *   <li>the body and its framing (413, 400 for a bad Content-Length or chunk, 501 for an unknown
 *       Transfer-Encoding): PGRST102, PostgREST's "invalid request body";
 *   <li>overload (503, with Retry-After): PGRST003, PostgREST's "no capacity, retry";
 *   <li>a handler's failure (500): PGRSTX00, PostgREST's internal-error group.
 * </ul>
 *
 * The server's message becomes {@code details}; limits are named with the config key that sets
 * them.
 */
final class HttpProblems implements ErrorRenderer {

  private final int maxRequestLineBytes;
  private final int maxHeaderBytes;
  private final long maxBodyBytes;

  HttpProblems(int maxRequestLineBytes, int maxHeaderBytes, long maxBodyBytes) {
    this.maxRequestLineBytes = maxRequestLineBytes;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public Rendered render(int status, String code, String message) {
    return new Rendered(
        "application/json; charset=utf-8",
        problem(status, code, message).body().getBytes(StandardCharsets.UTF_8));
  }

  ApiProblem problem(int status, String code, String message) {
    String details = sentence(message);
    return switch (code) {
      case "http.body_too_large" ->
          ApiProblem.of(
              status,
              "PGRST102",
              "Request body too large",
              "The request body is larger than " + maxBodyBytes + " bytes",
              "Send a smaller body, or raise api.max_body_bytes");
      case "http.uri_too_long" ->
          ApiProblem.of(
              status,
              "PGRST100",
              "Request URI too long",
              "The request line is longer than " + maxRequestLineBytes + " bytes",
              "Use fewer or shorter query parameters; a function's arguments also fit in the body"
                  + " of a POST to /rpc/...");
      case "http.headers_too_large", "http.too_many_headers" ->
          ApiProblem.of(
              status,
              "PGRST100",
              "Request header fields too large",
              details + " (at most " + maxHeaderBytes + " bytes of headers)",
              "Send fewer or smaller headers, for example fewer cookies");
      case "http.request_timeout" ->
          ApiProblem.of(
              status,
              "PGRST100",
              "Request timeout",
              details,
              "Send the whole request without pausing; the server closes connections that stall");
      case "http.bad_request_line",
          "http.bad_method",
          "http.bad_target",
          "http.bad_version",
          "http.version_not_supported",
          "http.bad_header",
          "http.obs_fold",
          "http.bad_host",
          "http.expectation_failed" ->
          ApiProblem.of(status, "PGRST100", "Malformed HTTP request", details, null);
      case "http.bad_chunk",
          "http.ambiguous_length",
          "http.bad_content_length",
          "http.bad_transfer_encoding",
          "http.transfer_encoding_not_supported" ->
          ApiProblem.of(status, "PGRST102", "Invalid request body framing", details, null);
      case "http.overloaded" ->
          ApiProblem.of(status, "PGRST003", "The server is busy", details, "Retry shortly");
      case "http.internal_error" ->
          ApiProblem.of(status, "PGRSTX00", "Internal server error", details, null);
      default -> byStatus(status, details);
    };
  }

  /** A code this class does not know yet: the closest answer for its status. */
  private static ApiProblem byStatus(int status, String details) {
    if (status == 413) {
      return ApiProblem.of(status, "PGRST102", "Invalid request body", details, null);
    }
    if (status >= 500) {
      return ApiProblem.of(status, "PGRSTX00", "Internal server error", details, null);
    }
    return ApiProblem.of(status, "PGRST100", "Malformed HTTP request", details, null);
  }

  /** The server's message as a sentence: a capital first letter. */
  private static String sentence(String message) {
    return message.isEmpty()
        ? message
        : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
