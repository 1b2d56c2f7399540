package dev.tusk.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.engine.tls.AutoTlsResult.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What auto mode generates: a chain strict clients accept, with the requested names. */
class AutoTlsTest {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final List<String> NAMES = List.of("localhost", "db.example.com", "127.0.0.1", "::1");

  @TempDir Path tmp;

  @Test
  void createsAChainThatPkixValidatesWithTheCaAsTrustAnchor() throws Exception {
    AutoTlsResult result = new AutoTls(CLOCK).ensureAuto(tmp.resolve("tls"), NAMES);

    assertThat(result.action()).isEqualTo(Action.CREATED);
    X509Certificate ca = cert(result.files().caCert().orElseThrow());
    X509Certificate server = cert(result.files().serverCert());
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(NOW));
    CertPathValidator.getInstance("PKIX")
        .validate(
            CertificateFactory.getInstance("X.509").generateCertPath(List.of(server)), params);
    assertThat(result.serverNotAfter()).isEqualTo(server.getNotAfter().toInstant());
    assertThat(result.summary()).contains("created").contains(result.serverNotAfter().toString());
  }

  @Test
  void caHasCaExtensionsAndTenYears() throws Exception {
    AutoTlsResult result = new AutoTls(CLOCK).ensureAuto(tmp, NAMES);
    X509Certificate ca = cert(result.files().caCert().orElseThrow());

    assertThat(ca.getSubjectX500Principal().getName()).matches("CN=Tusk CA [0-9a-f]{16}");
    assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(ca.getCriticalExtensionOIDs())
        .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    // keyUsage bits: 5 keyCertSign, 6 cRLSign; nothing else.
    assertThat(trueBits(ca.getKeyUsage())).containsExactly(5, 6);
    assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
    assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(ca.getPublicKey().toString()).contains("secp256r1");
    assertThat(Duration.between(NOW, ca.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(3650));
    assertThat(ca.getNotBefore().toInstant()).isBefore(NOW);
  }

  @Test
  void serverCertIsALeafForServerAuthWithKeyIdentifiers() throws Exception {
    AutoTlsResult result = new AutoTls(CLOCK).ensureAuto(tmp, NAMES);
    X509Certificate ca = cert(result.files().caCert().orElseThrow());
    X509Certificate server = cert(result.files().serverCert());

    assertThat(server.getBasicConstraints()).isEqualTo(-1);
    assertThat(server.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId());
    // keyUsage bits: 0 digitalSignature, 2 keyEncipherment.
    assertThat(trueBits(server.getKeyUsage())).containsExactly(0, 2);
    assertThat(server.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_serverAuth.getId());
    assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
    assertThat(server.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(Duration.between(NOW, server.getNotAfter().toInstant()))
        .isEqualTo(Duration.ofDays(365));
    byte[] caSki = octets(ca.getExtensionValue(Extension.subjectKeyIdentifier.getId()));
    byte[] aki = octets(server.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
    assertThat(AuthorityKeyIdentifier.getInstance(aki).getKeyIdentifier())
        .isEqualTo(ASN1OctetString.getInstance(caSki).getOctets());
    assertThat(server.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
  }

  @Test
  void sansCarryDnsNamesAsDnsAndAddressesAsIp() throws Exception {
    AutoTlsResult result =
        new AutoTls(CLOCK)
            .ensureAuto(tmp, List.of("localhost", "db.example.com", "127.0.0.1", "::1", "*"));
    X509Certificate server = cert(result.files().serverCert());

    assertThat(server.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "localhost"),
            List.of(2, "db.example.com"),
            List.of(7, "127.0.0.1"),
            List.of(7, "0:0:0:0:0:0:0:1"));
  }

  @Test
  void writesPkcs8KeysAndPemCertificates() throws Exception {
    AutoTlsResult result = new AutoTls(CLOCK).ensureAuto(tmp, NAMES);

    assertThat(Files.readString(result.files().serverKey()))
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(Files.readString(tmp.resolve("ca.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(result.files().serverCert()))
        .startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(
            Keys.matches(
                PemFiles.privateKey(result.files().serverKey()), cert(result.files().serverCert())))
        .isTrue();
    try (var listing = Files.list(tmp)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("ca.crt", "ca.key", "server.crt", "server.key");
    }
  }

  @Test
  void twoCasAreDifferent() throws Exception {
    AutoTlsResult a = new AutoTls(CLOCK).ensureAuto(tmp.resolve("a"), NAMES);
    AutoTlsResult b = new AutoTls(CLOCK).ensureAuto(tmp.resolve("b"), NAMES);

    X509Certificate caA = cert(a.files().caCert().orElseThrow());
    X509Certificate caB = cert(b.files().caCert().orElseThrow());
    assertThat(caA.getSubjectX500Principal()).isNotEqualTo(caB.getSubjectX500Principal());
    assertThat(caA.getSerialNumber()).isNotEqualTo(caB.getSerialNumber());
    assertThat(caA.getPublicKey()).isNotEqualTo(caB.getPublicKey());
  }

  static X509Certificate cert(Path file) throws Exception {
    return PemFiles.certificates(file).get(0);
  }

  private static List<Integer> trueBits(boolean[] bits) {
    return java.util.stream.IntStream.range(0, bits.length).filter(i -> bits[i]).boxed().toList();
  }

  private static byte[] octets(byte[] extensionValue) {
    return ASN1OctetString.getInstance(extensionValue).getOctets();
  }
}
