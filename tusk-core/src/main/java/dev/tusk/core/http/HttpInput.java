package dev.tusk.core.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;

/**
 * The connection's read buffer. One per connection, reused for every request on it: the parser
 * works on its bytes in place, so a request head costs a few large reads rather than a syscall per
 * byte. It starts small and grows only when one line needs more room, never beyond {@code
 * maxBuffer}, so ten thousand idle connections cost ten thousand small arrays.
 *
 * <p>Reads within a request take either a deadline (the whole request head must arrive by then, so
 * a client that trickles one byte a second is still cut off) or a stall timeout (a body read that
 * makes no progress for that long fails). Both end in {@link SocketTimeoutException}.
 */
final class HttpInput {

  private static final int INITIAL = 4096;

  private final InputStream in;
  private final ReadTimeout timeout;
  private final Clock clock;
  private final int maxBuffer;
  private byte[] buf = new byte[INITIAL];
  private int pos;
  private int lim;
  private int timeoutMillis = -1;

  HttpInput(InputStream in, ReadTimeout timeout, Clock clock, int maxLine) {
    this.in = in;
    this.timeout = timeout;
    this.clock = clock;
    this.maxBuffer = Math.max(INITIAL, maxLine + 2);
  }

  byte[] buffer() {
    return buf;
  }

  int position() {
    return pos;
  }

  int buffered() {
    return lim - pos;
  }

  /** Marks everything before {@code index} as consumed. */
  void consumeTo(int index) {
    pos = index;
    if (pos == lim) {
      pos = 0;
      lim = 0;
    }
  }

  /**
   * Waits, without a timeout, until at least one byte is buffered; returns false at end of stream.
   * This is the wait between requests: a timed read on a virtual thread arms a timer every time it
   * parks, which cost about a third of the server's CPU per request in a keep-alive benchmark, so
   * idle connections are timed out by {@link IdleWatchdog} instead.
   */
  boolean await() throws IOException {
    if (lim > pos) {
      return true;
    }
    return readMore(0) > 0;
  }

  /**
   * Finds the next line feed and returns its index in {@link #buffer()}; the line is {@code
   * buffer()[position() .. index)}, its CR (if any) included. Returns -1 when {@code maxLength}
   * bytes arrived without a line feed. Each read waits at most {@code stallMillis} and none goes
   * past {@code deadlineMillis} (on the clock). The buffer may move: read {@link #buffer()} and
   * {@link #position()} after calling this.
   */
  int findLine(int maxLength, long deadlineMillis, int stallMillis) throws IOException {
    int scanned = 0; // bytes after pos already known to hold no line feed
    while (true) {
      int stop = Math.min(lim, pos + maxLength + 1);
      for (int i = pos + scanned; i < stop; i++) {
        if (buf[i] == '\n') {
          return i;
        }
      }
      scanned = stop - pos;
      if (scanned > maxLength) {
        return -1;
      }
      makeRoom(maxLength + 1);
      long left = deadlineMillis - clock.millis();
      if (left <= 0) {
        throw new SocketTimeoutException("request head deadline passed");
      }
      if (readMore((int) Math.min(left, stallMillis)) < 0) {
        throw new EOFException("connection closed inside a request");
      }
    }
  }

  /** Fills {@code dst} completely, copying buffered bytes first and then reading straight in. */
  void readFully(byte[] dst, int off, int len, int stallMillis) throws IOException {
    int n = Math.min(len, lim - pos);
    System.arraycopy(buf, pos, dst, off, n);
    consumeTo(pos + n);
    off += n;
    len -= n;
    while (len > 0) {
      setTimeout(stallMillis);
      int r = in.read(dst, off, len);
      if (r < 0) {
        throw new EOFException("connection closed inside a request body");
      }
      off += r;
      len -= r;
    }
  }

  /** Reads one byte (for the CRLF after a chunk), or throws at end of stream. */
  int readByte(int stallMillis) throws IOException {
    if (lim == pos && readMore(stallMillis) < 0) {
      throw new EOFException("connection closed inside a request body");
    }
    int b = buf[pos] & 0xFF;
    consumeTo(pos + 1);
    return b;
  }

  /** Makes room to hold {@code need} bytes from {@code pos}: compacts, then grows up to the cap. */
  private void makeRoom(int need) {
    if (pos > 0 && buf.length - pos < need) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    if (buf.length - pos < need && buf.length < maxBuffer) {
      byte[] bigger = new byte[Math.min(maxBuffer, Math.max(pos + need, buf.length * 2))];
      System.arraycopy(buf, 0, bigger, 0, lim);
      buf = bigger;
    }
  }

  private void setTimeout(int millis) throws IOException {
    if (millis != timeoutMillis) {
      timeout.set(millis);
      timeoutMillis = millis;
    }
  }

  private int readMore(int millis) throws IOException {
    if (lim == buf.length) {
      makeRoom(buf.length - pos + 1);
    }
    setTimeout(millis);
    int r = in.read(buf, lim, buf.length - lim);
    if (r > 0) {
      lim += r;
    }
    return r;
  }
}
