package dev.tusk.engine.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * A JDK-only reader for the files {@link AutoTls} itself writes (one PEM certificate, one PKCS#8 EC
 * key). Re-checking them on every start through BouncyCastle cost about 0.4 s of class loading;
 * this path costs a few milliseconds. It answers only "yes, here it is" or "cannot tell": anything
 * unusual returns empty and the full BouncyCastle path decides, so error messages stay the same.
 */
final class JdkPem {

  private static final long MAX_BYTES = 64 * 1024;

  private JdkPem() {}

  static Optional<X509Certificate> certificate(Path file) {
    return block(file, "CERTIFICATE")
        .flatMap(
            der -> {
              try {
                return Optional.of(
                    (X509Certificate)
                        CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(der)));
              } catch (GeneralSecurityException | RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  static Optional<PrivateKey> ecKey(Path file) {
    return block(file, "PRIVATE KEY")
        .flatMap(
            der -> {
              try {
                return Optional.of(
                    KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)));
              } catch (GeneralSecurityException | RuntimeException e) {
                return Optional.empty();
              }
            });
  }

  /** True when {@code key} signs what the certificate's public key verifies. */
  static boolean matches(PrivateKey key, X509Certificate cert) {
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(key);
      s.update(challenge);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance("SHA256withECDSA");
      v.initVerify(cert.getPublicKey());
      v.update(challenge);
      return v.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  /** The single PEM block of {@code type} that makes up the whole file, decoded. */
  private static Optional<byte[]> block(Path file, String type) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      String begin = "-----BEGIN " + type + "-----";
      String end = "-----END " + type + "-----";
      if (!text.startsWith(begin) || !text.endsWith(end)) {
        return Optional.empty();
      }
      String body = text.substring(begin.length(), text.length() - end.length());
      if (body.contains("-----")) {
        return Optional.empty();
      }
      return Optional.of(Base64.getMimeDecoder().decode(body));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
