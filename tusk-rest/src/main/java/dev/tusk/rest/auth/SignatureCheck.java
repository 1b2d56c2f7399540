package dev.tusk.rest.auth;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks one JWS signature with one key, using only the JDK. The caller has already matched the
 * key's type to the algorithm ({@link JwtAlgorithm#fits}); this checks the signature's shape (exact
 * length, ECDSA r and s in range) before handing it to the JDK, so malformed input is a plain "no"
 * rather than a provider exception.
 */
final class SignatureCheck {

  private SignatureCheck() {}

  static boolean verify(JwtAlgorithm alg, VerificationKey key, byte[] input, byte[] signature) {
    if (!alg.fits(key)) {
      return false;
    }
    try {
      return switch (key) {
        case VerificationKey.Hmac h -> hmac(alg, h.secret(), input, signature);
        case VerificationKey.Rsa r ->
            signature.length == (r.key().getModulus().bitLength() + 7) / 8
                && jdk(alg, r.key(), input, signature);
        case VerificationKey.Ec e ->
            ecdsaShapeOk(e.curve(), signature) && jdk(alg, e.key(), input, signature);
        case VerificationKey.Ed25519 d ->
            signature.length == 64 && jdk(alg, d.key(), input, signature);
      };
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + alg.jcaName(), e);
    } catch (GeneralSecurityException | IllegalArgumentException | ProviderException e) {
      return false; // a key or signature the provider will not take is a failed check
    }
  }

  /** The HMAC of {@code input}; also used to sign. */
  static byte[] hmac(JwtAlgorithm alg, byte[] secret, byte[] input)
      throws NoSuchAlgorithmException, java.security.InvalidKeyException {
    Mac mac = Mac.getInstance(alg.jcaName());
    mac.init(new SecretKeySpec(secret, alg.jcaName()));
    return mac.doFinal(input);
  }

  private static boolean hmac(JwtAlgorithm alg, byte[] secret, byte[] input, byte[] signature)
      throws GeneralSecurityException {
    // MessageDigest.isEqual takes time independent of where the bytes differ.
    return MessageDigest.isEqual(hmac(alg, secret, input), signature);
  }

  /**
   * A JOSE ECDSA signature is R || S, each exactly the curve's size (RFC 7518 §3.4), and both must
   * lie in [1, n-1]; checking here keeps an all-zero "psychic signature" away from any provider.
   */
  private static boolean ecdsaShapeOk(EcCurve curve, byte[] signature) {
    int size = curve.size();
    if (signature.length != 2 * size) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, size));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, size, 2 * size));
    BigInteger n = curve.order();
    return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
  }

  private static boolean jdk(JwtAlgorithm alg, PublicKey key, byte[] input, byte[] signature)
      throws GeneralSecurityException {
    Signature verifier = Signature.getInstance(alg.jcaName());
    if (alg.family() == JwtAlgorithm.Family.RSA_PSS) {
      verifier.setParameter(pss(alg));
    }
    verifier.initVerify(key);
    verifier.update(input);
    return verifier.verify(signature);
  }

  /** RFC 7518 §3.5: MGF1 with the same digest, salt as long as the digest, trailer field 1. */
  static PSSParameterSpec pss(JwtAlgorithm alg) {
    String hash = alg.pssHash();
    int saltLength =
        switch (hash) {
          case "SHA-256" -> 32;
          case "SHA-384" -> 48;
          default -> 64;
        };
    return new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1);
  }
}
