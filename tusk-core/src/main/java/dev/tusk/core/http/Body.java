package dev.tusk.core.http;

import java.util.Objects;

/**
 * A response body: bytes in hand (sent with {@code Content-Length}) or a {@link BodyWriter} that
 * produces them while sending. A streamed body with a known length is sent with {@code
 * Content-Length}; with an unknown length, chunked (or, to an HTTP/1.0 client, until close).
 */
public sealed interface Body {

  /** The length in bytes, or -1 when it is not known before writing. */
  long length();

  static Body empty() {
    return Bytes.EMPTY;
  }

  static Body of(byte[] bytes) {
    return new Bytes(bytes);
  }

  /** A body written by {@code writer}; {@code length} -1 means unknown (chunked). */
  static Body streamed(long length, BodyWriter writer) {
    return new Streamed(length, writer);
  }

  /** Bytes in hand. */
  record Bytes(byte[] bytes) implements Body {
    static final Bytes EMPTY = new Bytes(new byte[0]);

    public Bytes {
      Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long length() {
      return bytes.length;
    }
  }

  /** A body produced while it is sent. */
  record Streamed(long length, BodyWriter writer) implements Body {
    public Streamed {
      Objects.requireNonNull(writer, "writer");
      if (length < -1) {
        throw new IllegalArgumentException("streamed body length must be >= 0, or -1: " + length);
      }
    }
  }
}
