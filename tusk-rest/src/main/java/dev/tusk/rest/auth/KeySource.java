package dev.tusk.rest.auth;

/**
 * Where verification keys come from: the configured secret, a JWKS file, a JWKS URL, or several.
 * Implementations are thread-safe; {@link #keys()} is called on every request and must be cheap
 * when nothing is due.
 */
public interface KeySource {

  /** The keys trusted now. */
  KeySet keys();

  /**
   * A token names {@code kid} and no key has it: perhaps the issuer rotated keys. A source that can
   * fetch may refetch (rate-limited, so a flood of made-up kids cannot turn into a flood of
   * fetches) and return the new set; the default returns {@link #keys()}.
   */
  default KeySet keysAfterUnknownKid(String kid) {
    return keys();
  }
}
