package dev.tusk.engine.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Key generation and the "does this key belong to this certificate" check. Generated keys are ECDSA
 * P-256: small, fast, and accepted by OpenSSL (the server), libpq and pgjdbc (the clients). The
 * match check derives the public key from the private one with BouncyCastle's lightweight API and
 * compares it with the certificate's, so it works for every key type and curve OpenSSL might hand
 * PostgreSQL (RSA, EC on any named curve, Ed25519/Ed448, DSA), not only those the JVM's providers
 * can sign with, and no security provider has to be installed.
 */
final class Keys {

  private Keys() {}

  static KeyPair newEcKeyPair(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate P-256 keys", e);
    }
  }

  /** True when {@code key} is the private half of the public key in {@code cert}. */
  static boolean matches(PrivateKey key, X509Certificate cert) {
    try {
      return matches(PrivateKeyInfo.getInstance(key.getEncoded()), cert);
    } catch (PemProblem | RuntimeException e) {
      return false;
    }
  }

  /**
   * True when {@code key} is the private half of the public key in {@code cert}.
   *
   * @throws PemProblem {@code key_unsupported} when the key's algorithm or curve is unknown
   */
  static boolean matches(PrivateKeyInfo key, X509Certificate cert) throws PemProblem {
    AsymmetricKeyParameter priv;
    try {
      priv = PrivateKeyFactory.createKey(key);
    } catch (IOException | RuntimeException e) {
      throw new PemProblem(
          "key_unsupported",
          "holds a private key of an unsupported type or curve ("
              + key.getPrivateKeyAlgorithm().getAlgorithm()
              + ")",
          e);
    }
    AsymmetricKeyParameter pub;
    try {
      pub =
          PublicKeyFactory.createKey(
              SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()));
    } catch (IOException | RuntimeException e) {
      return false; // a certificate key we cannot read cannot be shown to match
    }
    return switch (priv) {
      case RSAPrivateCrtKeyParameters rsa ->
          pub instanceof RSAKeyParameters r
              && r.getModulus().equals(rsa.getModulus())
              && r.getExponent().equals(rsa.getPublicExponent());
      case RSAKeyParameters rsa ->
          pub instanceof RSAKeyParameters r && r.getModulus().equals(rsa.getModulus());
      case ECPrivateKeyParameters ec ->
          pub instanceof ECPublicKeyParameters e
              && e.getParameters().getCurve().equals(ec.getParameters().getCurve())
              && sameEncoding(
                  new FixedPointCombMultiplier().multiply(ec.getParameters().getG(), ec.getD()),
                  e.getQ());
      case Ed25519PrivateKeyParameters ed ->
          pub instanceof Ed25519PublicKeyParameters e
              && Arrays.equals(ed.generatePublicKey().getEncoded(), e.getEncoded());
      case Ed448PrivateKeyParameters ed ->
          pub instanceof Ed448PublicKeyParameters e
              && Arrays.equals(ed.generatePublicKey().getEncoded(), e.getEncoded());
      case DSAPrivateKeyParameters dsa ->
          pub instanceof DSAPublicKeyParameters d
              && dsa.getParameters()
                  .getG()
                  .modPow(dsa.getX(), dsa.getParameters().getP())
                  .equals(d.getY());
      default -> false;
    };
  }

  private static boolean sameEncoding(ECPoint a, ECPoint b) {
    return Arrays.equals(a.normalize().getEncoded(false), b.normalize().getEncoded(false));
  }
}
