package dev.tusk.core.http;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** The two small wrappers around a streamed response body. */
final class BodyStreams {

  private BodyStreams() {}

  /** What a {@link BodyWriter} sees: closing it only flushes, the connection stays open. */
  static final class Unclosable extends FilterOutputStream {
    Unclosable(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  /** Remembers whether any byte reached the socket, i.e. whether a 500 can still be sent. */
  static final class Sent extends FilterOutputStream {
    private boolean any;

    Sent(OutputStream out) {
      super(out);
    }

    boolean any() {
      return any;
    }

    @Override
    public void write(int b) throws IOException {
      any = true;
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      any |= len > 0;
      out.write(b, off, len);
    }
  }
}
