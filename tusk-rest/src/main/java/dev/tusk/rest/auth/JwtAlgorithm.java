package dev.tusk.rest.auth;

import java.util.Optional;

/**
 * The JWS algorithms Tusk verifies (RFC 7518, RFC 8037), each tied to the one key type it may use.
 * That tie is the defence against algorithm confusion: an HS256 token is checked only against the
 * HMAC secret, never against an RSA public key's bytes. {@code none} is not here, so it cannot be
 * selected.
 */
public enum JwtAlgorithm {
  HS256(Family.HMAC, "HmacSHA256", null, null),
  HS384(Family.HMAC, "HmacSHA384", null, null),
  HS512(Family.HMAC, "HmacSHA512", null, null),
  RS256(Family.RSA, "SHA256withRSA", null, null),
  RS384(Family.RSA, "SHA384withRSA", null, null),
  RS512(Family.RSA, "SHA512withRSA", null, null),
  PS256(Family.RSA_PSS, "RSASSA-PSS", "SHA-256", null),
  PS384(Family.RSA_PSS, "RSASSA-PSS", "SHA-384", null),
  PS512(Family.RSA_PSS, "RSASSA-PSS", "SHA-512", null),
  ES256(Family.EC, "SHA256withECDSAinP1363Format", null, EcCurve.P_256),
  ES384(Family.EC, "SHA384withECDSAinP1363Format", null, EcCurve.P_384),
  ES512(Family.EC, "SHA512withECDSAinP1363Format", null, EcCurve.P_521),
  EdDSA(Family.EDDSA, "Ed25519", null, null);

  /** The key type an algorithm needs. */
  enum Family {
    HMAC,
    RSA,
    RSA_PSS,
    EC,
    EDDSA
  }

  private final Family family;
  private final String jcaName;
  private final String pssHash;
  private final EcCurve curve;

  JwtAlgorithm(Family family, String jcaName, String pssHash, EcCurve curve) {
    this.family = family;
    this.jcaName = jcaName;
    this.pssHash = pssHash;
    this.curve = curve;
  }

  /** The algorithm a JOSE header names, exactly (names are case-sensitive). */
  public static Optional<JwtAlgorithm> byName(String name) {
    for (JwtAlgorithm a : values()) {
      if (a.name().equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  Family family() {
    return family;
  }

  String jcaName() {
    return jcaName;
  }

  /** The PSS digest (and MGF1 digest); its length is the salt length RFC 7518 §3.5 fixes. */
  String pssHash() {
    return pssHash;
  }

  EcCurve curve() {
    return curve;
  }

  /**
   * Whether {@code key} may verify this algorithm: the key's type matches, and a JWK that pins an
   * {@code alg} pins this one.
   */
  boolean fits(VerificationKey key) {
    if (key.alg().isPresent() && !key.alg().get().equals(name())) {
      return false;
    }
    return switch (key) {
      case VerificationKey.Hmac h -> family == Family.HMAC;
      case VerificationKey.Rsa r -> family == Family.RSA || family == Family.RSA_PSS;
      case VerificationKey.Ec e -> family == Family.EC && e.curve() == curve;
      case VerificationKey.Ed25519 d -> family == Family.EDDSA;
    };
  }
}
