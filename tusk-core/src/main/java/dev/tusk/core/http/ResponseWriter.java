package dev.tusk.core.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes responses on one connection. The head is encoded into a buffer the connection reuses, and
 * a byte[] body up to {@link #ONE_WRITE} bytes is copied in after it, so the common response is one
 * socket write. A streamed body goes through an 8 KiB buffer that also holds the head, framed with
 * {@code Content-Length} when its length is known and chunked when not (close-delimited to an
 * HTTP/1.0 client, which cannot read chunks).
 */
final class ResponseWriter {

  /** Bodies up to this size are copied behind the head and sent in a single write. */
  static final int ONE_WRITE = 8 * 1024;

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * A streamed body failed. If nothing had reached the socket yet, the response can still be
   * replaced by a 500; otherwise the client has a partial response and the connection must close.
   */
  static final class BodyFailed extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean anythingSent;

    BodyFailed(Throwable cause, boolean anythingSent) {
      super("a streamed response body failed", cause);
      this.anythingSent = anythingSent;
    }

    boolean anythingSent() {
      return anythingSent;
    }
  }

  private final OutputStream out;
  private final DateHeader date;
  private byte[] buf = new byte[1024];
  private int len;

  ResponseWriter(OutputStream out, DateHeader date) {
    this.out = out;
    this.date = date;
  }

  void writeContinue() throws IOException {
    out.write(CONTINUE);
    out.flush();
  }

  /**
   * Writes {@code r}; for a HEAD request the head only. Returns whether the connection may stay
   * open: false when asked to close, or when the body was delimited by closing the connection.
   */
  boolean write(Response r, boolean head, HttpVersion client, boolean keepAlive)
      throws IOException {
    Body body = r.body();
    boolean noBody = r.status() == 204 || r.status() == 304;
    boolean untilClose = body.length() < 0 && client == HttpVersion.HTTP_1_0 && !head && !noBody;
    boolean keep = keepAlive && !untilClose;
    len = 0;
    put("HTTP/1.1 ").put(Integer.toString(r.status())).put(" ");
    put(r.reason().orElseGet(() -> StatusText.reason(r.status()))).put("\r\n");
    Headers h = r.headers();
    for (int i = 0; i < h.size(); i++) {
      put(h.name(i)).put(": ").put(h.value(i)).put("\r\n");
    }
    if (!h.contains("Date")) {
      put("Date: ").put(date.now()).put("\r\n");
    }
    if (!noBody && body.length() >= 0) {
      put("Content-Length: ").put(Long.toString(body.length())).put("\r\n");
    } else if (!noBody && client == HttpVersion.HTTP_1_1) {
      put("Transfer-Encoding: chunked\r\n");
    }
    if (!keep) {
      put("Connection: close\r\n");
    } else if (client == HttpVersion.HTTP_1_0) {
      put("Connection: keep-alive\r\n");
    }
    put("\r\n");
    if (head || noBody) {
      flushHead();
      return keep;
    }
    switch (body) {
      case Body.Bytes b -> writeBytes(b.bytes());
      case Body.Streamed s -> writeStreamed(s, untilClose);
    }
    return keep;
  }

  private void writeBytes(byte[] body) throws IOException {
    if (body.length <= ONE_WRITE) {
      ensure(len + body.length);
      System.arraycopy(body, 0, buf, len, body.length);
      len += body.length;
      flushHead();
    } else {
      out.write(buf, 0, len);
      out.write(body);
      out.flush();
    }
  }

  private void writeStreamed(Body.Streamed s, boolean untilClose) throws IOException {
    BodyStreams.Sent sent = new BodyStreams.Sent(out);
    BufferedOutputStream buffered = new BufferedOutputStream(sent, 8192);
    buffered.write(buf, 0, len);
    ChunkedOutputStream chunked = null;
    LengthOutputStream counted = null;
    OutputStream framed;
    if (s.length() >= 0) {
      framed = counted = new LengthOutputStream(buffered, s.length());
    } else if (untilClose) {
      framed = buffered;
    } else {
      framed = chunked = new ChunkedOutputStream(buffered);
    }
    try {
      s.writer().writeTo(new BodyStreams.Unclosable(framed));
      if (counted != null) {
        counted.finish();
      }
      if (chunked != null) {
        chunked.finish();
      }
    } catch (IOException | RuntimeException e) {
      throw new BodyFailed(e, sent.any());
    }
    buffered.flush();
  }

  private void flushHead() throws IOException {
    out.write(buf, 0, len);
    out.flush();
  }

  /** Appends a header string; the model types already limited it to ISO-8859-1. */
  private ResponseWriter put(String s) {
    ensure(len + s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
    return this;
  }

  private void ensure(int capacity) {
    if (capacity > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
    }
  }
}
