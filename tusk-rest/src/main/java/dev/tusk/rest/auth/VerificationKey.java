package dev.tusk.rest.auth;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One key a token may be verified with: the HMAC secret, or a public key from a JWKS. {@code kid}
 * and {@code alg} come from the JWK when it has them; {@link JwtAlgorithm#fits} decides which
 * algorithm may use which key.
 */
public sealed interface VerificationKey {

  Optional<String> kid();

  /** The algorithm the JWK pins, if it pins one. */
  Optional<String> alg();

  /** The shared secret for HS256/384/512. {@link #toString()} never shows it. */
  record Hmac(byte[] secret) implements VerificationKey {
    public Hmac {
      secret = secret.clone();
    }

    @Override
    public byte[] secret() {
      return secret.clone();
    }

    @Override
    public Optional<String> kid() {
      return Optional.empty();
    }

    @Override
    public Optional<String> alg() {
      return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Hmac h && Arrays.equals(secret, h.secret);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(secret);
    }

    @Override
    public String toString() {
      return "Hmac[" + secret.length + " bytes]";
    }
  }

  /** An RSA public key, for RS256/384/512 and PS256/384/512. */
  record Rsa(Optional<String> kid, Optional<String> alg, RSAPublicKey key)
      implements VerificationKey {
    public Rsa {
      Objects.requireNonNull(key, "key");
    }
  }

  /** An EC public key on {@code curve}, for the one ES algorithm that uses that curve. */
  record Ec(Optional<String> kid, Optional<String> alg, EcCurve curve, ECPublicKey key)
      implements VerificationKey {
    public Ec {
      Objects.requireNonNull(curve, "curve");
      Objects.requireNonNull(key, "key");
    }
  }

  /** An Ed25519 public key (JWK kty OKP), for EdDSA. */
  record Ed25519(Optional<String> kid, Optional<String> alg, PublicKey key)
      implements VerificationKey {
    public Ed25519 {
      Objects.requireNonNull(key, "key");
    }
  }
}
