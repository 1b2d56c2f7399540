package dev.tusk.core.http;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a request body as framed by {@link Framing}, never more than {@code maxBody} bytes. A fixed
 * length was checked against the limit before reading; a chunked body is checked as each chunk size
 * arrives, so an oversize upload is refused with 413 before its data is read.
 *
 * <p>Chunked framing is strict (RFC 9112 §7.1): a chunk-size line ends in CRLF, never a bare LF;
 * the size is 1 to 16 hex digits, optionally followed by extensions after {@code ;} (ignored);
 * chunk data is followed by exactly CRLF. Trailer fields are read, bounded like headers, and
 * dropped. Lenient chunk parsing is the usual way requests are smuggled past a proxy.
 */
final class BodyReader {

  private static final byte[] NONE = new byte[0];
  private static final int MAX_CHUNK_LINE = 4096;
  private static final int INITIAL = 64 * 1024;

  private final long maxBody;
  private final int maxTrailerBytes;
  private final int maxTrailerCount;

  BodyReader(long maxBody, int maxTrailerBytes, int maxTrailerCount) {
    this.maxBody = maxBody;
    this.maxTrailerBytes = maxTrailerBytes;
    this.maxTrailerCount = maxTrailerCount;
  }

  /** Reads the body; {@code stallMillis} bounds each wait for data. */
  byte[] read(HttpInput in, Framing framing, int stallMillis) throws IOException, HttpError {
    if (!framing.hasBody()) {
      return NONE;
    }
    if (!framing.chunked()) {
      int length = (int) framing.length();
      return append(in, new byte[Math.min(length, INITIAL)], 0, length, stallMillis);
    }
    return chunked(in, stallMillis);
  }

  private byte[] chunked(HttpInput in, int stallMillis) throws IOException, HttpError {
    byte[] body = NONE;
    int size = 0;
    while (true) {
      long chunk = chunkSize(in, stallMillis);
      if (chunk == 0) {
        trailers(in, stallMillis);
        return size == body.length ? body : Arrays.copyOf(body, size);
      }
      if (chunk > maxBody - size) {
        throw new HttpError(413, "http.body_too_large", "the request body is larger than allowed");
      }
      body = append(in, body, size, (int) chunk, stallMillis);
      size += (int) chunk;
      if (in.readByte(stallMillis) != '\r' || in.readByte(stallMillis) != '\n') {
        throw HttpError.badRequest("http.bad_chunk", "chunk data is not followed by CRLF");
      }
    }
  }

  /**
   * Reads {@code n} bytes into {@code body} at {@code size}, growing the array as data arrives: a
   * client that announces a large body and sends nothing costs little memory.
   */
  private static byte[] append(HttpInput in, byte[] body, int size, int n, int stallMillis)
      throws IOException {
    int end = size + n;
    while (size < end) {
      if (size == body.length) {
        body = Arrays.copyOf(body, (int) Math.min(end, Math.max(INITIAL, 2L * body.length)));
      }
      int step = Math.min(end, body.length) - size;
      in.readFully(body, size, step, stallMillis);
      size += step;
    }
    return body;
  }

  private static long chunkSize(HttpInput in, int stallMillis) throws IOException, HttpError {
    int lf = line(in, MAX_CHUNK_LINE, stallMillis);
    if (lf < 0) {
      throw HttpError.badRequest("http.bad_chunk", "a chunk-size line is too long");
    }
    byte[] b = in.buffer();
    int i = in.position();
    int end = lf - 1;
    long size = 0;
    int digits = 0;
    for (; i < end && hex(b[i]) >= 0; i++) {
      size = size * 16 + hex(b[i]);
      if (++digits > 16) {
        throw HttpError.badRequest("http.bad_chunk", "a chunk size has more than 16 hex digits");
      }
    }
    if (digits == 0 || size < 0) {
      throw HttpError.badRequest("http.bad_chunk", "a chunk size is not a hex number");
    }
    int afterDigits = i;
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    if (i < end ? b[i] != ';' : i != afterDigits) {
      throw HttpError.badRequest("http.bad_chunk", "a chunk size is not a hex number");
    }
    for (; i < end; i++) {
      if (!Syntax.isFieldByte(b[i])) {
        throw HttpError.badRequest("http.bad_chunk", "a chunk extension has a control character");
      }
    }
    in.consumeTo(lf + 1);
    return size;
  }

  private void trailers(HttpInput in, int stallMillis) throws IOException, HttpError {
    int used = 0;
    for (int count = 0; ; count++) {
      int lf = line(in, maxTrailerBytes - used - 1, stallMillis);
      if (lf < 0) {
        throw new HttpError(431, "http.headers_too_large", "the chunked trailer is too large");
      }
      int start = in.position();
      used += lf + 1 - start;
      if (lf - 1 == start) {
        in.consumeTo(lf + 1);
        return;
      }
      if (count == maxTrailerCount) {
        throw new HttpError(431, "http.headers_too_large", "the chunked trailer is too large");
      }
      HeadParser.field(in.buffer(), start, lf - 1, Headers.builder());
      in.consumeTo(lf + 1);
    }
  }

  /** The index of the LF ending the next line, which must end in CRLF; -1 if it is too long. */
  private static int line(HttpInput in, int max, int stallMillis) throws IOException, HttpError {
    int lf = in.findLine(max, Long.MAX_VALUE, stallMillis);
    if (lf < 0) {
      return -1;
    }
    if (lf == in.position() || in.buffer()[lf - 1] != '\r') {
      throw HttpError.badRequest("http.bad_chunk", "a chunked body line does not end in CRLF");
    }
    return lf;
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
