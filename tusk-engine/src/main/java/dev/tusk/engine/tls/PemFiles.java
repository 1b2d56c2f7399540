package dev.tusk.engine.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Reads PEM certificates and private keys the way OpenSSL (and so PostgreSQL) would accept them,
 * but defensively: at most {@link #MAX_BYTES} are read, so a wrong path pointing at a huge file or
 * a device cannot hang or exhaust memory, and only regular files are opened, so a FIFO cannot
 * block. Blocks of other types (EC PARAMETERS, a key inside a certificate file) are skipped, as
 * OpenSSL does. Keys are accepted as PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY})
 * and SEC1 ({@code EC PRIVATE KEY}); encrypted keys are refused because PostgreSQL would need a
 * passphrase command to open them.
 */
final class PemFiles {

  /** 1 MiB: a certificate chain is a few kilobytes; anything near this is the wrong file. */
  static final int MAX_BYTES = 1 << 20;

  private PemFiles() {}

  /** The whole file, after checking it exists, is a regular file, is readable and is not huge. */
  static byte[] read(Path file) throws PemProblem {
    if (!Files.exists(file)) {
      throw Files.isSymbolicLink(file)
          ? new PemProblem("file_missing", "is a symbolic link to a file that does not exist")
          : new PemProblem("file_missing", "does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new PemProblem("not_a_file", "is not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new PemProblem("file_unreadable", "is not readable by this process");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (AccessDeniedException e) {
      throw new PemProblem("file_unreadable", "is not readable by this process", e);
    } catch (IOException e) {
      throw new PemProblem("file_unreadable", "could not be read: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new PemProblem(
          "file_too_large",
          "is larger than " + (MAX_BYTES >> 20) + " MiB, the most read from a PEM file");
    }
    if (bytes.length == 0) {
      throw new PemProblem("file_empty", "is empty");
    }
    return bytes;
  }

  /** Every certificate in the file, in file order (the leaf first in a chain file). */
  static List<X509Certificate> certificates(Path file) throws PemProblem {
    List<X509Certificate> certs = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (PemObject block : blocks(read(file))) {
      if (!block.getType().equals("CERTIFICATE")) {
        continue;
      }
      try {
        certs.add(converter.getCertificate(new X509CertificateHolder(block.getContent())));
      } catch (IOException | CertificateException | RuntimeException e) {
        throw new PemProblem(
            "bad_pem",
            "has a CERTIFICATE block #" + (certs.size() + 1) + " that does not parse",
            e);
      }
    }
    if (certs.isEmpty()) {
      throw new PemProblem("not_pem", "contains no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }
    return certs;
  }

  /** The one private key in the file, as a JCA key (for signing and Java TLS). */
  static PrivateKey privateKey(Path file) throws PemProblem {
    PrivateKeyInfo info = privateKeyInfo(file);
    try {
      return new JcaPEMKeyConverter().getPrivateKey(info);
    } catch (IOException | RuntimeException e) {
      throw new PemProblem(
          "key_unsupported",
          "holds a private key of a type or curve this JVM cannot load ("
              + info.getPrivateKeyAlgorithm().getAlgorithm()
              + ")",
          e);
    }
  }

  /** The one private key in the file, as parsed ASN.1 (any algorithm OpenSSL writes). */
  static PrivateKeyInfo privateKeyInfo(Path file) throws PemProblem {
    List<PrivateKeyInfo> keys = new ArrayList<>();
    for (PemObject block : blocks(read(file))) {
      PrivateKeyInfo info = keyInfo(block);
      if (info != null) {
        keys.add(info);
      }
    }
    if (keys.isEmpty()) {
      throw new PemProblem("not_pem", "contains no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }
    if (keys.size() > 1) {
      throw new PemProblem("bad_pem", "contains " + keys.size() + " private keys; expected one");
    }
    return keys.get(0);
  }

  private static PrivateKeyInfo keyInfo(PemObject block) throws PemProblem {
    String type = block.getType();
    boolean encryptedHeader = false;
    for (Object header : block.getHeaders()) {
      PemHeader h = (PemHeader) header;
      encryptedHeader |= h.getName().equals("Proc-Type") && h.getValue().contains("ENCRYPTED");
    }
    if (type.equals("ENCRYPTED PRIVATE KEY") || (type.endsWith("PRIVATE KEY") && encryptedHeader)) {
      throw new PemProblem(
          "key_encrypted", "holds an encrypted private key; PostgreSQL needs it unencrypted");
    }
    try {
      return switch (type) {
        case "PRIVATE KEY" -> PrivateKeyInfo.getInstance(block.getContent());
        case "RSA PRIVATE KEY" ->
            new PrivateKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                RSAPrivateKey.getInstance(block.getContent()));
        case "EC PRIVATE KEY" -> {
          ECPrivateKey ec = ECPrivateKey.getInstance(block.getContent());
          if (ec.getParametersObject() == null) {
            throw new PemProblem("key_unsupported", "holds an EC key without its curve");
          }
          yield new PrivateKeyInfo(
              new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()),
              ec);
        }
        default -> null;
      };
    } catch (IOException | RuntimeException e) {
      throw new PemProblem("bad_pem", "has a " + type + " block that does not parse", e);
    }
  }

  private static List<PemObject> blocks(byte[] bytes) throws PemProblem {
    // ISO-8859-1 maps every byte to a char, so binary garbage cannot make decoding fail.
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<PemObject> blocks = new ArrayList<>();
    try (PemReader reader = new PemReader(new StringReader(text))) {
      for (PemObject o = reader.readPemObject(); o != null; o = reader.readPemObject()) {
        blocks.add(o);
      }
    } catch (IOException | RuntimeException e) {
      throw new PemProblem("bad_pem", "is not valid PEM: " + e.getMessage(), e);
    }
    return blocks;
  }
}
