package dev.tusk.core.http;

import java.util.List;

/**
 * How a request's body is delimited, whether the client waits for {@code 100 Continue}, and whether
 * the connection stays open afterwards (RFC 9112 §6, §9.3). This is where request smuggling is
 * stopped: a message whose length two parsers could read differently is refused with 400 before a
 * byte of its body is read, and the connection is closed.
 *
 * @param length the body's length; -1 when chunked
 */
record Framing(long length, boolean expectContinue, boolean keepAlive) {

  boolean chunked() {
    return length < 0;
  }

  boolean hasBody() {
    return length != 0;
  }

  static Framing of(RequestHead head, long maxBody) throws HttpError {
    Headers h = head.headers();
    boolean http11 = head.version() == HttpVersion.HTTP_1_1;
    List<String> hosts = h.all("Host");
    if (http11 ? hosts.size() != 1 : hosts.size() > 1) {
      throw HttpError.badRequest("http.bad_host", "an HTTP/1.1 request needs exactly one Host");
    }
    List<String> te = h.all("Transfer-Encoding");
    List<String> cl = h.all("Content-Length");
    if (!te.isEmpty() && !cl.isEmpty()) {
      throw HttpError.badRequest(
          "http.ambiguous_length", "both Content-Length and Transfer-Encoding are set");
    }
    long length = 0;
    if (!te.isEmpty()) {
      if (!http11) {
        throw HttpError.badRequest(
            "http.bad_transfer_encoding", "Transfer-Encoding is not allowed in HTTP/1.0");
      }
      if (te.size() != 1 || !te.get(0).equalsIgnoreCase("chunked")) {
        throw new HttpError(
            501,
            "http.transfer_encoding_not_supported",
            "only Transfer-Encoding: chunked is supported");
      }
      length = -1;
    } else if (!cl.isEmpty()) {
      length = contentLength(cl);
    }
    boolean expect = expectContinue(h, http11);
    if (length > maxBody) {
      throw new HttpError(413, "http.body_too_large", "the request body is larger than allowed");
    }
    return new Framing(length, expect, keepAlive(h, http11));
  }

  /**
   * One length, as 1*DIGIT. Repeated fields or a list ({@code 5, 5}) are allowed only when every
   * element is the same number (RFC 9112 §6.3). A number too large for a long reads as
   * Long.MAX_VALUE, which the size limit then refuses with 413.
   */
  private static long contentLength(List<String> fields) throws HttpError {
    long length = -1;
    for (String field : fields) {
      for (String element : field.split(",", -1)) {
        long n = digits(element.strip());
        if (length >= 0 && n != length) {
          throw HttpError.badRequest(
              "http.ambiguous_length", "Content-Length fields disagree about the length");
        }
        length = n;
      }
    }
    return length;
  }

  private static long digits(String s) throws HttpError {
    if (s.isEmpty()) {
      throw HttpError.badRequest("http.bad_content_length", "Content-Length is not a number");
    }
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw HttpError.badRequest("http.bad_content_length", "Content-Length is not a number");
      }
      n = n > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * {@code Expect: 100-continue} is the only expectation there is; anything else is 417. An
   * HTTP/1.0 client's expectation is ignored (RFC 9110 §10.1.1).
   */
  private static boolean expectContinue(Headers h, boolean http11) throws HttpError {
    List<String> expect = h.all("Expect");
    if (expect.isEmpty() || !http11) {
      return false;
    }
    for (String e : expect) {
      if (!e.equalsIgnoreCase("100-continue")) {
        throw new HttpError(
            417, "http.expectation_failed", "only Expect: 100-continue is supported");
      }
    }
    return true;
  }

  /** HTTP/1.1 stays open unless the client says close; HTTP/1.0 only if it asks for keep-alive. */
  private static boolean keepAlive(Headers h, boolean http11) {
    List<String> connection = h.all("Connection");
    if (http11) {
      return !hasToken(connection, "close");
    }
    return hasToken(connection, "keep-alive") && !hasToken(connection, "close");
  }

  static boolean hasToken(List<String> fields, String token) {
    for (String field : fields) {
      for (String t : field.split(",", -1)) {
        if (t.strip().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }
}
