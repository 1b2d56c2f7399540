package dev.tusk.rest.auth;

import java.util.List;

/**
 * The keys trusted at one moment. Sources hand out a new instance only when their keys change, so
 * the verified-token cache can tell "same keys" by identity and forget tokens signed by a key that
 * was rotated out.
 */
public record KeySet(List<VerificationKey> keys) {

  public static final KeySet EMPTY = new KeySet(List.of());

  public KeySet {
    keys = List.copyOf(keys);
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }
}
