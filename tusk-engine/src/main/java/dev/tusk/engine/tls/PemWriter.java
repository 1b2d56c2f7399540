package dev.tusk.engine.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * PEM encoding of what Tusk generates: certificates as {@code CERTIFICATE}, keys as unencrypted
 * PKCS#8 ({@code PRIVATE KEY}), which OpenSSL, and so PostgreSQL's {@code ssl_key_file}, reads for
 * every key type.
 */
final class PemWriter {

  private PemWriter() {}

  static byte[] certificate(X509Certificate cert) {
    try {
      return encode(new JcaMiscPEMGenerator(cert));
    } catch (IOException e) {
      throw new UncheckedIOException("certificate cannot be PEM-encoded", e);
    }
  }

  static byte[] privateKey(PrivateKey key) {
    try {
      return encode(new JcaPKCS8Generator(key, null));
    } catch (IOException e) {
      throw new UncheckedIOException("private key cannot be PEM-encoded", e);
    }
  }

  private static byte[] encode(PemObjectGenerator generator) throws IOException {
    StringWriter out = new StringWriter();
    try (org.bouncycastle.util.io.pem.PemWriter writer =
        new org.bouncycastle.util.io.pem.PemWriter(out)) {
      writer.writeObject(generator);
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
