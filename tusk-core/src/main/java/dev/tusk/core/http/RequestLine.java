package dev.tusk.core.http;

import java.nio.charset.StandardCharsets;

/**
 * {@code method SP request-target SP HTTP-version} (RFC 9112 §3), with exactly one space between
 * the parts. The method is a token; the target is origin-form ({@code /path?query}) or {@code *}
 * for OPTIONS, made of visible ASCII only; the version is HTTP/1.0 or HTTP/1.1, any other
 * well-formed version is 505.
 */
record RequestLine(String method, String target, HttpVersion version) {

  static RequestLine parse(byte[] b, int start, int end) throws HttpError {
    int sp1 = start;
    while (sp1 < end && b[sp1] != ' ') {
      sp1++;
    }
    int sp2 = sp1 + 1;
    while (sp2 < end && b[sp2] != ' ') {
      sp2++;
    }
    if (sp2 >= end) {
      throw HttpError.badRequest(
          "http.bad_request_line", "the request line is not 'METHOD target HTTP/1.1'");
    }
    String method = method(b, start, sp1);
    HttpVersion version = version(b, sp2 + 1, end);
    return new RequestLine(method, target(b, sp1 + 1, sp2, method), version);
  }

  private static String method(byte[] b, int start, int end) throws HttpError {
    if (start == end) {
      throw HttpError.badRequest("http.bad_method", "the request has no method");
    }
    for (int i = start; i < end; i++) {
      if (!Syntax.isTchar(b[i])) {
        throw HttpError.badRequest("http.bad_method", "the method is not a token");
      }
    }
    return switch (end - start) {
      case 3 -> known(b, start, end, "GET", "PUT");
      case 4 -> known(b, start, end, "POST", "HEAD");
      case 5 -> known(b, start, end, "PATCH", "TRACE");
      case 6 -> known(b, start, end, "DELETE", "DELETE");
      case 7 -> known(b, start, end, "OPTIONS", "CONNECT");
      default -> ascii(b, start, end);
    };
  }

  /** Reuses the constant for the common methods instead of allocating a string per request. */
  private static String known(byte[] b, int start, int end, String one, String two) {
    if (matches(b, start, one)) {
      return one;
    }
    return matches(b, start, two) ? two : ascii(b, start, end);
  }

  private static boolean matches(byte[] b, int start, String s) {
    for (int i = 0; i < s.length(); i++) {
      if (b[start + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String target(byte[] b, int start, int end, String method) throws HttpError {
    for (int i = start; i < end; i++) {
      if (!Syntax.isTargetByte(b[i])) {
        throw HttpError.badRequest(
            "http.bad_target", "the request target has a character that must be percent-encoded");
      }
    }
    if (start == end) {
      throw HttpError.badRequest("http.bad_target", "the request target is empty");
    }
    if (b[start] == '/') {
      return ascii(b, start, end);
    }
    if (end - start == 1 && b[start] == '*' && method.equals("OPTIONS")) {
      return "*";
    }
    throw HttpError.badRequest(
        "http.bad_target", "the request target must start with '/' ('*' only for OPTIONS)");
  }

  private static HttpVersion version(byte[] b, int start, int end) throws HttpError {
    if (end - start == 8
        && matches(b, start, "HTTP/1.")
        && (b[start + 7] == '1' || b[start + 7] == '0')) {
      return b[start + 7] == '1' ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0;
    }
    if (end - start == 8
        && matches(b, start, "HTTP/")
        && isDigit(b[start + 5])
        && b[start + 6] == '.'
        && isDigit(b[start + 7])) {
      throw new HttpError(
          505, "http.version_not_supported", "only HTTP/1.0 and HTTP/1.1 are supported");
    }
    throw HttpError.badRequest("http.bad_version", "the request line has no valid HTTP version");
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static String ascii(byte[] b, int start, int end) {
    return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
  }
}
