package dev.tusk.core.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses a request line and header fields (RFC 9112 §3 and §5) straight from the connection's
 * buffer, checking every byte. Strict where leniency lets two parsers disagree about a message:
 * obs-fold continuation lines, whitespace before a colon, a bare CR, a method that is not a token
 * or a target that is not origin-form (or {@code *} for OPTIONS) are all 400.
 *
 * <p>Line endings: a bare LF ends a line like CRLF does (RFC 9112 §2.2 allows it, and curl in a
 * shell script, netcat and most servers rely on it). That is safe here because the head's framing
 * does not depend on it: a CR that is not right before the LF is rejected, so no byte sequence
 * reads as one line to us and two lines to a proxy. Chunked bodies, where such disagreements
 * smuggle requests, require CRLF exactly (see {@link BodyReader}).
 *
 * <p>Limits, each line counted with its line ending: a request line longer than {@code
 * maxRequestLineBytes} is 414; a header section (the empty line that ends it included) longer than
 * {@code maxHeaderBytes}, or with more than {@code maxHeaderCount} fields, is 431. Up to four empty
 * lines before the request line are skipped (RFC 9112 §2.2: some clients send a CRLF after a POST
 * body).
 */
final class HeadParser {

  private static final int MAX_LEADING_EMPTY_LINES = 4;

  private final int maxRequestLine;
  private final int maxHeaderBytes;
  private final int maxHeaderCount;

  HeadParser(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount) {
    this.maxRequestLine = maxRequestLine;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxHeaderCount = maxHeaderCount;
  }

  RequestHead parse(HttpInput in, long deadline) throws IOException, HttpError {
    int lf;
    int empty = 0;
    while (true) {
      lf = in.findLine(maxRequestLine - 1, deadline, Integer.MAX_VALUE);
      if (lf < 0) {
        throw new HttpError(414, "http.uri_too_long", "the request line is too long");
      }
      if (lineEnd(in.buffer(), in.position(), lf) > in.position()) {
        break;
      }
      if (++empty > MAX_LEADING_EMPTY_LINES) {
        throw HttpError.badRequest("http.bad_request_line", "empty lines instead of a request");
      }
      in.consumeTo(lf + 1);
    }
    RequestLine line =
        RequestLine.parse(in.buffer(), in.position(), lineEnd(in.buffer(), in.position(), lf));
    in.consumeTo(lf + 1);
    return new RequestHead(line.method(), line.target(), line.version(), headers(in, deadline));
  }

  private Headers headers(HttpInput in, long deadline) throws IOException, HttpError {
    Headers.Builder headers = Headers.builder();
    int used = 0;
    while (true) {
      int lf = in.findLine(maxHeaderBytes - used - 1, deadline, Integer.MAX_VALUE);
      if (lf < 0) {
        throw new HttpError(
            431, "http.headers_too_large", "the request header fields are too large");
      }
      byte[] b = in.buffer();
      int start = in.position();
      int end = lineEnd(b, start, lf);
      used += lf + 1 - start;
      if (end == start) {
        in.consumeTo(lf + 1);
        return headers.build();
      }
      if (headers.size() == maxHeaderCount) {
        throw new HttpError(431, "http.too_many_headers", "the request has too many header fields");
      }
      field(b, start, end, headers);
      in.consumeTo(lf + 1);
    }
  }

  /** One {@code name: value} line, {@code b[start..end)} without its line ending. */
  static void field(byte[] b, int start, int end, Headers.Builder out) throws HttpError {
    if (b[start] == ' ' || b[start] == '\t') {
      throw HttpError.badRequest(
          "http.obs_fold", "a header line starts with whitespace (obsolete line folding)");
    }
    int colon = start;
    while (colon < end && Syntax.isTchar(b[colon])) {
      colon++;
    }
    if (colon == end || b[colon] != ':') {
      boolean space = colon < end && (b[colon] == ' ' || b[colon] == '\t');
      throw HttpError.badRequest(
          "http.bad_header",
          space ? "whitespace between a header name and its colon" : "a malformed header line");
    }
    if (colon == start) {
      throw HttpError.badRequest("http.bad_header", "a header line with an empty name");
    }
    int vs = colon + 1;
    int ve = end;
    while (vs < ve && (b[vs] == ' ' || b[vs] == '\t')) {
      vs++;
    }
    while (ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t')) {
      ve--;
    }
    for (int i = vs; i < ve; i++) {
      if (!Syntax.isFieldByte(b[i])) {
        throw HttpError.badRequest("http.bad_header", "a header value has a control character");
      }
    }
    out.addTrusted(
        new String(b, start, colon - start, StandardCharsets.ISO_8859_1),
        new String(b, vs, ve - vs, StandardCharsets.ISO_8859_1));
  }

  /**
   * The end of the line's content: {@code lf}, less one for a CR right before it. A CR anywhere
   * else is rejected by the callers' byte checks (it is neither a token, target nor field byte).
   */
  static int lineEnd(byte[] b, int start, int lf) {
    return lf > start && b[lf - 1] == '\r' ? lf - 1 : lf;
  }
}
