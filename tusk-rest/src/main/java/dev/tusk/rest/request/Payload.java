package dev.tusk.rest.request;

import java.util.Arrays;

/**
 * A request body as received: its declared media type and its bytes, not yet parsed (the payload
 * stage decides what JSON, CSV or form data means for the target). Immutable: the bytes are copied
 * in and out.
 */
public record Payload(MediaType contentType, byte[] bytes) {

  public Payload {
    bytes = bytes.clone();
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payload p
        && p.contentType.equals(contentType)
        && Arrays.equals(p.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return 31 * contentType.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Payload[" + contentType.essence() + ", " + bytes.length + " bytes]";
  }
}
