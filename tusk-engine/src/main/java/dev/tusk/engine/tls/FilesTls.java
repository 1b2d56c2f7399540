package dev.tusk.engine.tls;

import dev.tusk.core.config.TlsConfig;
import dev.tusk.core.config.TlsMode;
import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * {@code tls.mode: files}: checks user-provided PEM files before PostgreSQL sees them, because
 * PostgreSQL reports a bad certificate only in its log and then refuses to start. Every problem is
 * a {@link ConfigException} that names the config key, the file and what is wrong with it. The
 * certificate file may hold a chain (certbot's fullchain.pem); its first certificate must be the
 * server's, matching the key, and currently valid. The CA file, when set, must hold certificates.
 */
public final class FilesTls {

  private static final String PREFIX = "postgres.tls.";

  private final Clock clock;

  public FilesTls(Clock clock) {
    this.clock = clock;
  }

  /**
   * The configured files, validated.
   *
   * @throws ConfigException naming the file and the problem
   */
  public TlsFiles fromFiles(TlsConfig config) {
    if (config.mode() != TlsMode.FILES) {
      throw new IllegalArgumentException("fromFiles needs tls.mode files, not " + config.mode());
    }
    Path certFile = required(config.certFile(), "cert_file");
    Path keyFile = required(config.keyFile(), "key_file");
    List<X509Certificate> chain = certificates("cert_file", certFile);
    PrivateKeyInfo key;
    try {
      key = PemFiles.privateKeyInfo(keyFile);
      checkKeyMatches(chain, key, certFile, keyFile);
    } catch (PemProblem p) {
      throw problem("key_file", keyFile, p);
    }
    checkValidity(chain.get(0), certFile);
    config.caFile().ifPresent(ca -> certificates("ca_file", ca));
    return new TlsFiles(config.caFile(), certFile, keyFile);
  }

  private void checkValidity(X509Certificate leaf, Path certFile) {
    Instant now = clock.instant();
    Instant notBefore = leaf.getNotBefore().toInstant();
    Instant notAfter = leaf.getNotAfter().toInstant();
    String subject = leaf.getSubjectX500Principal().getName();
    if (now.isAfter(notAfter)) {
      throw new ConfigException(
          "tls.cert_expired",
          PREFIX
              + "cert_file "
              + certFile
              + ": the certificate "
              + subject
              + " expired "
              + notAfter,
          "renew the certificate (e.g. certbot renew) or point cert_file at the current one");
    }
    if (now.isBefore(notBefore)) {
      throw new ConfigException(
          "tls.cert_not_yet_valid",
          PREFIX
              + "cert_file "
              + certFile
              + ": the certificate "
              + subject
              + " is not valid until "
              + notBefore,
          "check this machine's clock, or use a certificate that is valid now");
    }
  }

  private static void checkKeyMatches(
      List<X509Certificate> chain, PrivateKeyInfo key, Path certFile, Path keyFile)
      throws PemProblem {
    if (Keys.matches(key, chain.get(0))) {
      return;
    }
    for (int i = 1; i < chain.size(); i++) {
      if (Keys.matches(key, chain.get(i))) {
        throw new ConfigException(
            "tls.chain_order",
            PREFIX
                + "cert_file "
                + certFile
                + ": the key in "
                + keyFile
                + " matches certificate #"
                + (i + 1)
                + " of "
                + chain.size()
                + ", but the server certificate must come first",
            "reorder " + certFile + " so the server certificate is first, then its intermediates");
      }
    }
    throw new ConfigException(
        "tls.key_mismatch",
        PREFIX + "key_file " + keyFile + " does not match the certificate in " + certFile,
        "point key_file and cert_file at the key and certificate issued together");
  }

  private static List<X509Certificate> certificates(String key, Path file) {
    try {
      return PemFiles.certificates(file);
    } catch (PemProblem p) {
      throw problem(key, file, p);
    }
  }

  private static Path required(Optional<Path> path, String key) {
    return path.orElseThrow(
        () ->
            new ConfigException(
                "tls.file_not_set",
                PREFIX + key + " is not set, and tls.mode is files",
                "set " + PREFIX + key + " (or " + PREFIX + "dir), or use tls.mode auto"));
  }

  private static ConfigException problem(String key, Path file, PemProblem p) {
    return new ConfigException(
        "tls." + p.code(), PREFIX + key + " " + file + " " + p.getMessage(), hint(p.code()));
  }

  private static String hint(String code) {
    return switch (code) {
      case "file_missing", "not_a_file" ->
          "check the path; certbot keeps files under /etc/letsencrypt/live/<domain>/";
      case "file_unreadable" -> "make the file readable by the user running tusk";
      case "key_encrypted" -> "decrypt it, e.g. openssl pkey -in KEY -out KEY.plain";
      case "key_unsupported" -> "use an RSA, EC (named curve) or Ed25519 key";
      default -> "point the setting at a PEM file (-----BEGIN ...-----)";
    };
  }
}
