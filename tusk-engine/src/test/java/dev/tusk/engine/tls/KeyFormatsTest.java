package dev.tusk.engine.tls;

import static dev.tusk.engine.tls.AutoTlsTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.teletrust.TeleTrusTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key encodings OpenSSL writes (PKCS#1, SEC1, PKCS#8), and the ones PostgreSQL cannot use. */
class KeyFormatsTest {

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path tmp;

  @Test
  void acceptsPkcs1Rsa() throws Exception {
    KeyPair keys = TestPki.rsa();
    byte[] pkcs1 =
        PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded())
            .parsePrivateKey()
            .toASN1Primitive()
            .getEncoded();
    assertAccepted(keys, TestPki.pem("RSA PRIVATE KEY", pkcs1));
  }

  @Test
  void acceptsPkcs8RsaAndP384() throws Exception {
    KeyPair rsa = TestPki.rsa();
    assertAccepted(rsa, TestPki.pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
    KeyPair ec = TestPki.ec("secp384r1");
    assertAccepted(ec, TestPki.pem("PRIVATE KEY", ec.getPrivate().getEncoded()));
  }

  @Test
  void acceptsSec1AsOpensslEcparamWritesIt() throws Exception {
    KeyPair keys = TestPki.ec("secp256r1");
    BigInteger d = ((ECPrivateKey) keys.getPrivate()).getS();
    DERBitString point =
        new DERBitString(
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded())
                .getPublicKeyData()
                .getOctets());
    byte[] sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, point, SECObjectIdentifiers.secp256r1)
            .getEncoded();
    assertAccepted(
        keys,
        TestPki.pem("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded())
            + TestPki.pem("EC PRIVATE KEY", sec1));
  }

  @Test
  void acceptsSec1WithoutThePublicPoint() throws Exception {
    KeyPair keys = TestPki.ec("secp256r1");
    BigInteger d = ((ECPrivateKey) keys.getPrivate()).getS();
    byte[] bare =
        new org.bouncycastle.asn1.sec.ECPrivateKey(256, d, SECObjectIdentifiers.secp256r1)
            .getEncoded();
    assertAccepted(keys, TestPki.pem("EC PRIVATE KEY", bare));
  }

  @Test
  void refusesSec1WithoutItsCurve() throws Exception {
    KeyPair keys = TestPki.ec("secp256r1");
    byte[] noCurve =
        new org.bouncycastle.asn1.sec.ECPrivateKey(256, ((ECPrivateKey) keys.getPrivate()).getS())
            .getEncoded();
    Path key = TestPki.write(tmp.resolve("nocurve.pem"), TestPki.pem("EC PRIVATE KEY", noCurve));
    assertCode(certFor(keys), key, "tls.key_unsupported");
  }

  @Test
  void acceptsEd25519() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertAccepted(keys, TestPki.pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
  }

  @Test
  void acceptsEd448AndRefusesAnotherEdKey() throws Exception {
    KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
    assertAccepted(ed448, TestPki.pem("PRIVATE KEY", ed448.getPrivate().getEncoded()));
    KeyPair ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path wrong =
        TestPki.write(
            tmp.resolve("ed25519.pem"),
            TestPki.pem("PRIVATE KEY", ed25519.getPrivate().getEncoded()));
    assertCode(certFor(ed448), wrong, "tls.key_mismatch");
  }

  @Test
  void matchesCurvesTheJvmCannotSignWith() throws Exception {
    AsymmetricCipherKeyPair mine = brainpool();
    AsymmetricCipherKeyPair other = brainpool();
    KeyPair signer = TestPki.ec("secp256r1");
    X500Name name = new X500Name("CN=brainpool.example");
    X509CertificateHolder holder =
        new X509v3CertificateBuilder(
                name,
                BigInteger.TWO,
                Date.from(NOW.minus(Duration.ofDays(1))),
                Date.from(NOW.plus(Duration.ofDays(1))),
                name,
                SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(mine.getPublic()))
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate()));
    Path cert =
        TestPki.write(tmp.resolve("bp.crt"), TestPki.pem("CERTIFICATE", holder.getEncoded()));
    Path key = pkcs8(tmp.resolve("bp.key"), mine);
    Path wrong = pkcs8(tmp.resolve("bp-other.key"), other);

    assertThat(new FilesTls(CLOCK).fromFiles(FilesTlsTest.config(cert, key, null)).serverKey())
        .isEqualTo(key);
    assertCode(cert, wrong, "tls.key_mismatch");
  }

  @Test
  void refusesAKeyOfAnUnknownAlgorithm() throws Exception {
    KeyPair keys = TestPki.ec("secp256r1");
    byte[] unknown =
        new PrivateKeyInfo(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1")),
                new DEROctetString(new byte[32]))
            .getEncoded();
    Path key = TestPki.write(tmp.resolve("unknown.pem"), TestPki.pem("PRIVATE KEY", unknown));
    assertCode(certFor(keys), key, "tls.key_unsupported");
  }

  @Test
  void refusesAnRsaKeyForAnEcCertificate() throws Exception {
    KeyPair ec = TestPki.ec("secp256r1");
    KeyPair rsa = TestPki.rsa();
    Path cert = certFor(ec);
    Path key =
        TestPki.write(
            tmp.resolve("k.pem"), TestPki.pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
    assertCode(cert, key, "tls.key_mismatch");
  }

  @Test
  void refusesEncryptedKeys() throws Exception {
    KeyPair keys = TestPki.ec("secp256r1");
    Path cert = certFor(keys);
    var encryptor =
        new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
            .setProvider(new BouncyCastleProvider())
            .setPassword("secret".toCharArray())
            .build();
    Path pkcs8 =
        TestPki.write(
            tmp.resolve("enc8.pem"),
            TestPki.pem(
                "ENCRYPTED PRIVATE KEY",
                new JcaPKCS8Generator(keys.getPrivate(), encryptor).generate().getContent()));
    assertCode(cert, pkcs8, "tls.key_encrypted");

    Path legacy =
        TestPki.write(
            tmp.resolve("enc1.pem"),
            "-----BEGIN EC PRIVATE KEY-----\n"
                + "Proc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                + "q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=\n"
                + "-----END EC PRIVATE KEY-----\n");
    assertCode(cert, legacy, "tls.key_encrypted");
  }

  @Test
  void refusesTwoKeysInOneFile() throws Exception {
    KeyPair keys = TestPki.ec("secp256r1");
    String one = TestPki.pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    Path key = TestPki.write(tmp.resolve("two.pem"), one, one);
    assertCode(certFor(keys), key, "tls.bad_pem");
  }

  private void assertAccepted(KeyPair keys, String keyPem) throws Exception {
    Path cert = certFor(keys);
    Path key = TestPki.write(tmp.resolve("key.pem"), keyPem);
    TlsFiles files = new FilesTls(CLOCK).fromFiles(FilesTlsTest.config(cert, key, null));
    assertThat(files.serverKey()).isEqualTo(key);
    // and a Java TLS server can load the same files
    assertThat(TlsContexts.serverContext(files).getProtocol()).isEqualTo("TLS");
  }

  private void assertCode(Path cert, Path key, String code) {
    assertThatThrownBy(() -> new FilesTls(CLOCK).fromFiles(FilesTlsTest.config(cert, key, null)))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).contains(key.toString());
            });
  }

  private static AsymmetricCipherKeyPair brainpool() {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(
        new ECKeyGenerationParameters(
            new ECNamedDomainParameters(
                TeleTrusTObjectIdentifiers.brainpoolP256r1,
                ECNamedCurveTable.getByName("brainpoolP256r1")),
            new SecureRandom()));
    return generator.generateKeyPair();
  }

  private static Path pkcs8(Path file, AsymmetricCipherKeyPair keys) throws Exception {
    return TestPki.write(
        file,
        TestPki.pem(
            "PRIVATE KEY",
            PrivateKeyInfoFactory.createPrivateKeyInfo(keys.getPrivate()).getEncoded()));
  }

  private Path certFor(KeyPair keys) throws Exception {
    X509Certificate cert =
        TestPki.selfSigned(keys, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(90)));
    return TestPki.write(tmp.resolve("cert.pem"), TestPki.pem("CERTIFICATE", cert.getEncoded()));
  }
}
