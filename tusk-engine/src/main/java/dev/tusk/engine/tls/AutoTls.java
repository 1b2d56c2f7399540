package dev.tusk.engine.tls;

import dev.tusk.core.error.OperationException;
import dev.tusk.engine.tls.AutoTlsResult.Action;
import dev.tusk.engine.tls.CertificateIssuer.Issued;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code tls.mode: auto}: keeps a private CA and a server certificate signed by it in one directory
 * ({@code ca.crt}, {@code ca.key}, {@code server.crt}, {@code server.key}). Idempotent, so it runs
 * on every start: valid files are reused byte for byte, a server certificate that no longer names
 * every requested host or expires within {@link #RENEW_BEFORE} is re-issued by the same CA (clients
 * that trust {@code ca.crt} notice nothing), and only a missing, broken or expiring CA causes a new
 * CA. Files are replaced atomically, keys first, so an interrupted run leaves either the old files
 * or a pair that the next run detects as mismatched and repairs. A file that exists but cannot be
 * read is an error, never a reason to overwrite it: that is usually tusk running as the wrong user.
 */
public final class AutoTls {

  /** Certificates are replaced when they expire within this (and never outlive their CA). */
  public static final Duration RENEW_BEFORE = Duration.ofDays(30);

  private final Clock clock;
  private final CertificateIssuer issuer;

  public AutoTls(Clock clock) {
    this(clock, new SecureRandom());
  }

  AutoTls(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.issuer = new CertificateIssuer(random);
  }

  /**
   * Makes sure {@code tlsDir} holds a valid CA and a server certificate whose subjectAltNames cover
   * {@code names} (host names and IP literals).
   *
   * @throws dev.tusk.core.error.ConfigException if a name is neither a host name nor an IP literal
   * @throws OperationException if the directory or a file in it cannot be read or written
   */
  public AutoTlsResult ensureAuto(Path tlsDir, List<String> names) {
    SubjectNames wanted = SubjectNames.parse(names);
    Instant now = clock.instant();
    AutoTlsLayout files = new AutoTlsLayout(tlsDir);
    try {
      SecureFiles.ensurePrivateDirectory(tlsDir);
      AutoTlsInspector inspector = new AutoTlsInspector(files, now, RENEW_BEFORE);
      Issued ca;
      try {
        ca = inspector.ca();
      } catch (AutoTlsInspector.Stale why) {
        boolean fresh = Stream.of(files.all()).noneMatch(Files::exists);
        ca = issuer.newCa(now);
        write(files.caKey(), files.caCert(), ca);
        Issued server = writeServer(files, ca, wanted, now);
        return result(
            fresh ? Action.CREATED : Action.RECREATED,
            files,
            server,
            fresh ? "none existed" : why.getMessage());
      }
      try {
        Issued server = inspector.server(ca, wanted);
        return result(Action.REUSED, files, server, "valid and covering " + wanted.describe());
      } catch (AutoTlsInspector.Stale why) {
        return result(Action.RENEWED, files, writeServer(files, ca, wanted, now), why.getMessage());
      }
    } catch (IOException e) {
      throw new OperationException(
          "tls.write_failed",
          "could not write the TLS files in " + tlsDir + ": " + e,
          "check that " + tlsDir + " is a writable directory owned by the user running tusk",
          e);
    }
  }

  private Issued writeServer(AutoTlsLayout files, Issued ca, SubjectNames names, Instant now)
      throws IOException {
    Issued server = issuer.newServer(ca, names, now);
    write(files.serverKey(), files.serverCert(), server);
    return server;
  }

  private static void write(Path keyFile, Path certFile, Issued issued) throws IOException {
    SecureFiles.writeAtomically(keyFile, PemWriter.privateKey(issued.key()), SecureFiles.KEY_MODE);
    SecureFiles.writeAtomically(
        certFile, PemWriter.certificate(issued.certificate()), SecureFiles.CERT_MODE);
  }

  private static AutoTlsResult result(
      Action action, AutoTlsLayout files, Issued server, String reason) {
    return new AutoTlsResult(
        action,
        new TlsFiles(Optional.of(files.caCert()), files.serverCert(), files.serverKey()),
        server.certificate().getNotAfter().toInstant(),
        reason);
  }
}
