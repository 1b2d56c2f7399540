package dev.tusk.core.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Frames what a {@link BodyWriter} writes as HTTP/1.1 chunks. Small writes are collected into one
 * chunk of up to 8 KiB; {@link #flush} sends the chunk so far; {@link #finish} sends the rest and
 * the last chunk without flushing, so the end of a small body leaves in the same write as its head.
 */
final class ChunkedOutputStream extends OutputStream {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] LAST = {'0', '\r', '\n', '\r', '\n'};

  private final OutputStream out;
  private final byte[] buf = new byte[8192];
  private final byte[] size = new byte[18];
  private int count;

  ChunkedOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    if (count == buf.length) {
      emit();
    }
    buf[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len >= buf.length) {
      emit();
      chunk(b, off, len);
    } else {
      if (len > buf.length - count) {
        emit();
      }
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }
  }

  @Override
  public void flush() throws IOException {
    emit();
    out.flush();
  }

  void finish() throws IOException {
    emit();
    out.write(LAST);
  }

  private void emit() throws IOException {
    if (count > 0) {
      chunk(buf, 0, count);
      count = 0;
    }
  }

  private void chunk(byte[] b, int off, int len) throws IOException {
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
}
