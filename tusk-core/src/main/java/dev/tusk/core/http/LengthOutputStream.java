package dev.tusk.core.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes a streamed body through and counts it against its declared {@code Content-Length}: a
 * writer that writes more is stopped, one that writes less is caught by {@link #finish}. Either way
 * the client's framing is broken and the connection must close.
 */
final class LengthOutputStream extends OutputStream {

  private final OutputStream out;
  private final long length;
  private long written;

  LengthOutputStream(OutputStream out, long length) {
    this.out = out;
    this.length = length;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len > length - written) {
      throw new IOException(
          "streamed body is longer than its declared length of " + length + " bytes");
    }
    written += len;
    out.write(b, off, len);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  void finish() throws IOException {
    if (written != length) {
      throw new IOException(
          "streamed body wrote " + written + " of its declared " + length + " bytes");
    }
  }
}
