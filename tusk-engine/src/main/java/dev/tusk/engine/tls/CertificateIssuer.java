package dev.tusk.engine.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Issues Tusk's own CA and server certificates with the extensions strict clients check: the CA is
 * {@code CA:true} (critical) with keyCertSign|cRLSign, the server certificate is {@code CA:false}
 * with digitalSignature|keyEncipherment, serverAuth and its names as subjectAltNames (clients
 * ignore the CN when SANs are present). Both carry key identifiers so chains build unambiguously.
 * Certificates start an hour in the past to tolerate small clock differences between hosts. Uses
 * the JDK's providers only, so no security provider is installed globally.
 */
final class CertificateIssuer {

  static final Duration CA_LIFETIME = Duration.ofDays(3650);
  static final Duration SERVER_LIFETIME = Duration.ofDays(365);
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final String SIGNATURE = "SHA256withECDSA";

  private final SecureRandom random;

  CertificateIssuer(SecureRandom random) {
    this.random = random;
  }

  /** A CA and its key, valid from {@code now}. */
  Issued newCa(Instant now) {
    KeyPair keys = Keys.newEcKeyPair(random);
    byte[] id = new byte[8];
    random.nextBytes(id);
    X500Principal subject = new X500Principal("CN=Tusk CA " + HexFormat.of().formatHex(id));
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  serial(),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(now.plus(CA_LIFETIME)),
                  subject,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(keys.getPublic()));
      return new Issued(sign(builder, keys.getPrivate()), keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("could not build the CA certificate", e);
    }
  }

  /** A server certificate for {@code names}, signed by {@code ca}, never outliving the CA. */
  Issued newServer(Issued ca, SubjectNames names, Instant now) {
    KeyPair keys = Keys.newEcKeyPair(random);
    Instant notAfter = now.plus(SERVER_LIFETIME);
    if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
      notAfter = ca.certificate().getNotAfter().toInstant();
    }
    try {
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  ca.certificate(),
                  serial(),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(notAfter),
                  new X500Principal("CN=" + names.commonName()),
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(Extension.subjectAlternativeName, false, sans(names))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  ext.createSubjectKeyIdentifier(keys.getPublic()))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  ext.createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
      return new Issued(sign(builder, ca.key()), keys.getPrivate());
    } catch (GeneralSecurityException | CertIOException e) {
      throw new IllegalStateException("could not build the server certificate", e);
    }
  }

  private static GeneralNames sans(SubjectNames names) {
    List<GeneralName> list = new ArrayList<>();
    for (String dns : names.dnsNames()) {
      list.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (InetAddress ip : names.addresses()) {
      list.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress())));
    }
    return new GeneralNames(list.toArray(GeneralName[]::new));
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign with " + SIGNATURE, e);
    }
  }

  /** A positive 127-bit serial: unique in practice, within RFC 5280's 20 octets. */
  private BigInteger serial() {
    return new BigInteger(127, random).setBit(126);
  }

  /** A certificate and the private key that goes with it. */
  record Issued(X509Certificate certificate, PrivateKey key) {}
}
