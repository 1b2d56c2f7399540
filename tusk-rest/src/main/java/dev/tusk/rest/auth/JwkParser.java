package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One JSON Web Key (RFC 7517, 7518 §6, 8037) to a {@link VerificationKey}: RSA (n, e; at least 2048
 * bits), EC (P-256/384/521, full-length x and y, on the curve) and OKP Ed25519. Keys meant for
 * encryption ({@code use: enc}, {@code key_ops} without {@code verify}) or pinned to an algorithm
 * Tusk does not verify are refused, so they are never tried.
 */
final class JwkParser {

  static final int MIN_RSA_BITS = 2048;

  /** DER SubjectPublicKeyInfo prefix for an Ed25519 key (RFC 8410); the 32 raw bytes follow. */
  private static final byte[] ED25519_SPKI_PREFIX =
      HexFormat.of().parseHex("302a300506032b6570032100");

  private JwkParser() {}

  static VerificationKey parse(JsonNode jwk) throws InvalidJwk {
    if (!jwk.isObject()) {
      throw new InvalidJwk("not a JSON object");
    }
    Optional<String> kid = optionalText(jwk, "kid");
    Optional<String> alg = optionalText(jwk, "alg");
    if (alg.isPresent() && JwtAlgorithm.byName(alg.get()).isEmpty()) {
      throw new InvalidJwk("alg " + alg.get() + " is not a signature algorithm Tusk verifies");
    }
    Optional<String> use = optionalText(jwk, "use");
    if (use.isPresent() && !use.get().equals("sig")) {
      throw new InvalidJwk("use is \"" + use.get() + "\", not \"sig\"");
    }
    JsonNode ops = jwk.get("key_ops");
    if (ops != null && !(ops.isArray() && hasText(ops, "verify"))) {
      throw new InvalidJwk("key_ops does not include \"verify\"");
    }
    String kty = text(jwk, "kty");
    return switch (kty) {
      case "RSA" -> rsa(jwk, kid, alg);
      case "EC" -> ec(jwk, kid, alg);
      case "OKP" -> okp(jwk, kid, alg);
      case "oct" ->
          throw new InvalidJwk("symmetric (oct) keys are not read from a JWKS; use api.jwt.secret");
      default -> throw new InvalidJwk("kty \"" + CompactJws.printable(kty) + "\" is not supported");
    };
  }

  private static VerificationKey rsa(JsonNode jwk, Optional<String> kid, Optional<String> alg)
      throws InvalidJwk {
    BigInteger n = new BigInteger(1, bytes(jwk, "n"));
    BigInteger e = new BigInteger(1, bytes(jwk, "e"));
    if (n.bitLength() < MIN_RSA_BITS) {
      throw new InvalidJwk(
          "the RSA modulus has " + n.bitLength() + " bits; at least " + MIN_RSA_BITS + " needed");
    }
    if (!e.testBit(0) || e.compareTo(BigInteger.ONE) <= 0) {
      throw new InvalidJwk("the RSA exponent is not an odd number above 1");
    }
    try {
      PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
      return new VerificationKey.Rsa(kid, alg, (RSAPublicKey) key);
    } catch (GeneralSecurityException ex) {
      throw new InvalidJwk("the RSA key is not valid: " + ex.getMessage());
    }
  }

  private static VerificationKey ec(JsonNode jwk, Optional<String> kid, Optional<String> alg)
      throws InvalidJwk {
    String crv = text(jwk, "crv");
    EcCurve curve =
        EcCurve.byJoseName(crv)
            .orElseThrow(
                () ->
                    new InvalidJwk(
                        "EC curve \""
                            + CompactJws.printable(crv)
                            + "\" is not P-256, P-384 or P-521"));
    byte[] xb = bytes(jwk, "x");
    byte[] yb = bytes(jwk, "y");
    if (xb.length != curve.size() || yb.length != curve.size()) {
      throw new InvalidJwk("x and y of a " + crv + " key must be " + curve.size() + " bytes each");
    }
    BigInteger x = new BigInteger(1, xb);
    BigInteger y = new BigInteger(1, yb);
    if (!curve.contains(x, y)) {
      throw new InvalidJwk("the point (x, y) is not on " + crv);
    }
    try {
      PublicKey key =
          KeyFactory.getInstance("EC")
              .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve.params()));
      return new VerificationKey.Ec(kid, alg, curve, (ECPublicKey) key);
    } catch (GeneralSecurityException ex) {
      throw new InvalidJwk("the EC key is not valid: " + ex.getMessage());
    }
  }

  private static VerificationKey okp(JsonNode jwk, Optional<String> kid, Optional<String> alg)
      throws InvalidJwk {
    String crv = text(jwk, "crv");
    if (!crv.equals("Ed25519")) {
      throw new InvalidJwk("OKP curve \"" + CompactJws.printable(crv) + "\" is not Ed25519");
    }
    byte[] x = bytes(jwk, "x");
    if (x.length != 32) {
      throw new InvalidJwk("x of an Ed25519 key must be 32 bytes");
    }
    byte[] der = new byte[ED25519_SPKI_PREFIX.length + 32];
    System.arraycopy(ED25519_SPKI_PREFIX, 0, der, 0, ED25519_SPKI_PREFIX.length);
    System.arraycopy(x, 0, der, ED25519_SPKI_PREFIX.length, 32);
    try {
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      return new VerificationKey.Ed25519(kid, alg, key);
    } catch (GeneralSecurityException ex) {
      throw new InvalidJwk("the Ed25519 key is not valid: " + ex.getMessage());
    }
  }

  private static String text(JsonNode jwk, String member) throws InvalidJwk {
    JsonNode v = jwk.get(member);
    if (v == null || !v.isTextual()) {
      throw new InvalidJwk("member \"" + member + "\" is missing or not a string");
    }
    return v.textValue();
  }

  private static Optional<String> optionalText(JsonNode jwk, String member) throws InvalidJwk {
    JsonNode v = jwk.get(member);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new InvalidJwk("member \"" + member + "\" is not a string");
    }
    return Optional.of(v.textValue());
  }

  private static byte[] bytes(JsonNode jwk, String member) throws InvalidJwk {
    String text = text(jwk, member);
    return Base64Url.decode(text)
        .filter(b -> b.length > 0)
        .orElseThrow(() -> new InvalidJwk("member \"" + member + "\" is not base64url"));
  }

  private static boolean hasText(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.isTextual() && n.textValue().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
