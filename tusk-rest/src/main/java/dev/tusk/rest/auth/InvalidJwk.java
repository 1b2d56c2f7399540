package dev.tusk.rest.auth;

/** Why one JWK, or a whole JWKS document, cannot be used; the text goes into a report or error. */
final class InvalidJwk extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidJwk(String reason) {
    super(reason, null, false, false);
  }
}
