package dev.tusk.core.http;

/**
 * A request the server answers itself, with {@code status} and a small JSON body {@code
 * {"code","message"}}. Thrown by the parser and the body reader; the connection loop turns it into
 * a response. Every one of these closes the connection: after a malformed head or a refused body
 * the server no longer knows where the next request starts. No stack trace: a flood of bad requests
 * should cost little.
 */
final class HttpError extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  HttpError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static HttpError badRequest(String code, String message) {
    return new HttpError(400, code, message);
  }

  int status() {
    return status;
  }

  /** A stable identifier such as {@code http.header_too_large}. */
  String code() {
    return code;
  }
}
