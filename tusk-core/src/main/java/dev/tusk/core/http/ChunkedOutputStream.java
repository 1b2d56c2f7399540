package dev.tusk.core.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Frames what a {@link BodyWriter} writes as HTTP/1.1 chunks. It sits under a buffer, so a writer's
 * small writes become one chunk per buffer-full. {@link #close} is harmless; the server writes the
 * last chunk with {@link #finish}.
 */
final class ChunkedOutputStream extends OutputStream {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST = {'0', '\r', '\n', '\r', '\n'};

  private final OutputStream out;
  private final byte[] size = new byte[18];

  ChunkedOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return; // a zero-length chunk would end the body
    }
    String hex = Integer.toHexString(len);
    for (int i = 0; i < hex.length(); i++) {
      size[i] = (byte) hex.charAt(i);
    }
    size[hex.length()] = '\r';
    size[hex.length() + 1] = '\n';
    out.write(size, 0, hex.length() + 2);
    out.write(b, off, len);
    out.write(CRLF);
  }

  void finish() throws IOException {
    out.write(LAST);
  }
}
