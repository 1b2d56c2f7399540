package dev.tusk.rest.auth;

import java.util.Base64;
import java.util.Optional;

/**
 * Strict base64url (RFC 4648 §5, no padding), as JWS compact serialisation requires. The JDK
 * decoder also accepts padding and non-zero trailing bits, which would let one signature be spelled
 * several ways; this accepts exactly the canonical spelling, so a token string maps to one set of
 * bytes (the verified-token cache relies on that).
 */
final class Base64Url {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /** The bytes, or empty when {@code text} is not canonical unpadded base64url. */
  static Optional<byte[]> decode(String text) {
    if (text.length() % 4 == 1) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return Optional.empty();
      }
    }
    byte[] bytes = DECODER.decode(text);
    return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
  }
}
