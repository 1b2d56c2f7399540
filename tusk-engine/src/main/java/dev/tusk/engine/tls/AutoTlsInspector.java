package dev.tusk.engine.tls;

import dev.tusk.core.error.OperationException;
import dev.tusk.engine.tls.CertificateIssuer.Issued;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the files already in the auto TLS directory can be kept. Each check either
 * returns the loaded material or throws {@link Stale} with a reason a person can read ("server.crt
 * does not name 10.0.0.5"); the caller regenerates on {@code Stale}. Files that exist but cannot be
 * read are not stale: they stop the run, since replacing them would silently swap the CA that
 * clients trust.
 */
final class AutoTlsInspector {

  private static final Set<String> UNUSABLE = Set.of("file_unreadable", "not_a_file");

  private final AutoTlsLayout files;
  private final Instant now;
  private final Duration renewBefore;

  AutoTlsInspector(AutoTlsLayout files, Instant now, Duration renewBefore) {
    this.files = files;
    this.now = now;
    this.renewBefore = renewBefore;
  }

  /** The CA, if both files parse, belong together, form a CA certificate and are not expiring. */
  Issued ca() throws Stale {
    X509Certificate cert = certificate(files.caCert());
    PrivateKey key = key(files.caKey());
    if (!matches(key, cert)) {
      throw new Stale("ca.key does not match ca.crt");
    }
    if (cert.getBasicConstraints() < 0) {
      throw new Stale("ca.crt is not a CA certificate");
    }
    verify(cert, cert.getPublicKey(), "ca.crt is not self-signed");
    checkValidity(cert, "ca.crt");
    return new Issued(cert, key);
  }

  /** The server certificate, if it matches its key, was issued by {@code ca} and names all. */
  Issued server(Issued ca, SubjectNames wanted) throws Stale {
    X509Certificate cert = certificate(files.serverCert());
    PrivateKey key = key(files.serverKey());
    if (!matches(key, cert)) {
      throw new Stale("server.key does not match server.crt");
    }
    verify(cert, ca.certificate().getPublicKey(), "server.crt was not issued by ca.crt");
    checkValidity(cert, "server.crt");
    SubjectNames present;
    try {
      present = SubjectNames.of(cert);
    } catch (CertificateParsingException e) {
      throw new Stale("server.crt has unreadable subjectAltNames");
    }
    List<String> missing = present.missing(wanted);
    if (!missing.isEmpty()) {
      throw new Stale("server.crt does not name " + String.join(", ", missing));
    }
    return new Issued(cert, key);
  }

  private void checkValidity(X509Certificate cert, String name) throws Stale {
    Instant notBefore = cert.getNotBefore().toInstant();
    Instant notAfter = cert.getNotAfter().toInstant();
    if (now.isBefore(notBefore)) {
      throw new Stale(name + " is not valid until " + notBefore);
    }
    if (!now.plus(renewBefore).isBefore(notAfter)) {
      throw new Stale(name + " expires " + notAfter + ", within " + renewBefore.toDays() + " days");
    }
  }

  private static void verify(X509Certificate cert, PublicKey issuerKey, String reason)
      throws Stale {
    try {
      cert.verify(issuerKey);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new Stale(reason);
    }
  }

  /** The JDK's check for EC keys Tusk wrote; BouncyCastle's for anything else. */
  private static boolean matches(PrivateKey key, X509Certificate cert) {
    if (key.getAlgorithm().equals("EC") && JdkPem.matches(key, cert)) {
      return true;
    }
    return Keys.matches(key, cert);
  }

  private static X509Certificate certificate(Path file) throws Stale {
    java.util.Optional<X509Certificate> fast = JdkPem.certificate(file);
    if (fast.isPresent()) {
      return fast.get();
    }
    try {
      return PemFiles.certificates(file).get(0);
    } catch (PemProblem p) {
      throw stale(file, p);
    }
  }

  private static PrivateKey key(Path file) throws Stale {
    java.util.Optional<PrivateKey> fast = JdkPem.ecKey(file);
    if (fast.isPresent()) {
      return fast.get();
    }
    try {
      return PemFiles.privateKey(file);
    } catch (PemProblem p) {
      throw stale(file, p);
    }
  }

  private static Stale stale(Path file, PemProblem p) {
    if (UNUSABLE.contains(p.code())) {
      throw new OperationException(
          "tls." + p.code(),
          file + " " + p.getMessage(),
          "run tusk as the user that owns " + file.getParent() + ", or remove the file");
    }
    return new Stale(file.getFileName() + " " + p.getMessage());
  }

  /** The files cannot be kept; the message says why. */
  static final class Stale extends Exception {
    Stale(String reason) {
      super(reason, null, false, false);
    }
  }
}
