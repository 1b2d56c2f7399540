package dev.tusk.rest.auth;

import dev.tusk.core.config.Secret;
import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns {@code api.jwt.secret} into HMAC key bytes, refusing secrets too short to resist brute
 * force: PostgREST's rule of at least 32 characters, and for a base64 secret at least 32 decoded
 * bytes. Shared by the verifier and {@code tusk token}, so both read the secret the same way.
 */
final class HmacSecret {

  static final int MIN_LENGTH = 32;
  private static final String KEY = "api.jwt.secret";

  private HmacSecret() {}

  static byte[] bytes(Secret secret, boolean isBase64) {
    String value = secret.value();
    if (!isBase64) {
      if (value.length() < MIN_LENGTH) {
        throw tooShort(secret, value.length() + " characters");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    byte[] decoded = decodeBase64(value.strip());
    if (decoded == null) {
      throw new ConfigException(
          "config.bad_value",
          KEY + ": the secret (" + secret.source() + ") is not valid base64",
          "fix the value, or set api.jwt.secret_is_base64: false to use it as plain text");
    }
    if (decoded.length < MIN_LENGTH) {
      throw tooShort(secret, decoded.length + " bytes after base64 decoding");
    }
    return decoded;
  }

  private static byte[] decodeBase64(String value) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException standard) {
      try {
        return Base64.getUrlDecoder().decode(value);
      } catch (IllegalArgumentException url) {
        return null;
      }
    }
  }

  private static ConfigException tooShort(Secret secret, String length) {
    return new ConfigException(
        "config.bad_value",
        KEY
            + ": the secret ("
            + secret.source()
            + ") has "
            + length
            + "; HS256/384/512 need at least "
            + MIN_LENGTH,
        "use a random secret of 32 or more characters, e.g. the output of"
            + " `openssl rand -base64 48`");
  }
}
