package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-side JOSE: keys generated per run, JWKs built from them, and tokens signed with the JDK
 * directly (not with the code under test), so a verifier bug cannot hide behind a matching signer
 * bug.
 */
final class Jose {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "test-secret-of-more-than-32-characters-0123456789";

  static final KeyPair RSA = generate("RSA", 2048);
  static final KeyPair RSA_OTHER = generate("RSA", 2048);
  static final KeyPair EC256 = ec("secp256r1");
  static final KeyPair EC384 = ec("secp384r1");
  static final KeyPair EC521 = ec("secp521r1");
  static final KeyPair ED = generate("Ed25519", 0);
  static final KeyPair ED_OTHER = generate("Ed25519", 0);

  private Jose() {}

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  /** header.payload.signature, signed with {@code key} (a PrivateKey, or byte[] for HMAC). */
  static String sign(String headerJson, String payloadJson, Object key) {
    String alg = algOf(headerJson);
    String input = b64(headerJson) + "." + b64(payloadJson);
    return input + "." + b64(signature(alg, key, input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** A token with header {"alg":alg[,"kid":kid]} over {@code payloadJson}. */
  static String token(String alg, String kid, String payloadJson, Object key) {
    ObjectNode header = JSON.createObjectNode().put("alg", alg).put("typ", "JWT");
    if (kid != null) {
      header.put("kid", kid);
    }
    return sign(header.toString(), payloadJson, key);
  }

  static byte[] signature(String alg, Object key, byte[] input) {
    try {
      if (alg.startsWith("HS")) {
        Mac mac = Mac.getInstance("HmacSHA" + alg.substring(2));
        mac.init(new SecretKeySpec((byte[]) key, "HmacSHA" + alg.substring(2)));
        return mac.doFinal(input);
      }
      Signature s =
          switch (alg) {
            case "RS256", "RS384", "RS512" ->
                Signature.getInstance("SHA" + alg.substring(2) + "withRSA");
            case "PS256", "PS384", "PS512" -> {
              String hash = "SHA-" + alg.substring(2);
              Signature pss = Signature.getInstance("RSASSA-PSS");
              pss.setParameter(
                  new PSSParameterSpec(
                      hash,
                      "MGF1",
                      new MGF1ParameterSpec(hash),
                      Integer.parseInt(alg.substring(2)) / 8,
                      1));
              yield pss;
            }
            case "ES256", "ES384", "ES512" ->
                Signature.getInstance("SHA" + alg.substring(2) + "withECDSAinP1363Format");
            case "EdDSA" -> Signature.getInstance("Ed25519");
            default -> throw new IllegalArgumentException(alg);
          };
      s.initSign((java.security.PrivateKey) key);
      s.update(input);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] secretBytes() {
    return SECRET.getBytes(StandardCharsets.UTF_8);
  }

  /** The private key (or secret) that signs {@code alg} in the standard test key set. */
  static Object signingKey(String alg) {
    return switch (alg.substring(0, 2)) {
      case "HS" -> secretBytes();
      case "RS", "PS" -> RSA.getPrivate();
      case "ES" ->
          switch (alg) {
            case "ES256" -> EC256.getPrivate();
            case "ES384" -> EC384.getPrivate();
            default -> EC521.getPrivate();
          };
      default -> ED.getPrivate();
    };
  }

  /** The kid of the standard JWKS key for {@code alg}. */
  static String kidFor(String alg) {
    return switch (alg.substring(0, 2)) {
      case "RS", "PS" -> "rsa";
      case "ES" -> "ec" + alg.substring(2);
      case "Ed" -> "ed";
      default -> null;
    };
  }

  /** A JWKS with the standard RSA, EC and Ed25519 public keys. */
  static String standardJwks() {
    return jwks(
        jwk(RSA.getPublic(), "rsa"),
        jwk(EC256.getPublic(), "ec256"),
        jwk(EC384.getPublic(), "ec384"),
        jwk(EC521.getPublic(), "ec512"),
        jwk(ED.getPublic(), "ed"));
  }

  static String jwks(ObjectNode... keys) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("keys");
    Arrays.stream(keys).forEach(array::add);
    return root.toString();
  }

  static ObjectNode jwk(PublicKey key, String kid) {
    ObjectNode jwk = JSON.createObjectNode();
    switch (key) {
      case RSAPublicKey r -> {
        jwk.put("kty", "RSA");
        jwk.put("n", b64(unsigned(r.getModulus(), 0)));
        jwk.put("e", b64(unsigned(r.getPublicExponent(), 0)));
      }
      case ECPublicKey e -> {
        int bits = e.getParams().getCurve().getField().getFieldSize();
        int size = (bits + 7) / 8;
        jwk.put("kty", "EC");
        jwk.put("crv", bits == 256 ? "P-256" : bits == 384 ? "P-384" : "P-521");
        jwk.put("x", b64(unsigned(e.getW().getAffineX(), size)));
        jwk.put("y", b64(unsigned(e.getW().getAffineY(), size)));
      }
      default -> {
        byte[] der = key.getEncoded();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", b64(Arrays.copyOfRange(der, der.length - 32, der.length)));
      }
    }
    if (kid != null) {
      jwk.put("kid", kid);
    }
    return jwk;
  }

  /** Big-endian bytes without a sign byte, left-padded to {@code size} when size > 0. */
  static byte[] unsigned(BigInteger v, int size) {
    byte[] raw = v.toByteArray();
    if (raw.length > 1 && raw[0] == 0) {
      raw = Arrays.copyOfRange(raw, 1, raw.length);
    }
    if (size <= raw.length) {
      return raw;
    }
    byte[] out = new byte[size];
    System.arraycopy(raw, 0, out, size - raw.length, raw.length);
    return out;
  }

  static String encoded(Key key) {
    return b64(key.getEncoded());
  }

  private static String algOf(String headerJson) {
    try {
      String alg = JSON.readTree(headerJson).path("alg").asText();
      return JwtAlgorithm.byName(alg).isPresent() ? alg : "HS256";
    } catch (java.io.IOException e) {
      return "HS256"; // hostile headers that are not JSON: sign as HS256
    }
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (bits > 0) {
        g.initialize(bits);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ec(String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec(curve));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
