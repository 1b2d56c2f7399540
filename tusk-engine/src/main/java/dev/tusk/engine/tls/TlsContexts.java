package dev.tusk.engine.tls;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Java-side TLS from the same PEM files PostgreSQL uses: a trust store holding only a CA file (for
 * the readiness check and tests, which connect with full verification rather than trusting
 * everything), and a server context from a certificate and key (for tests, or a Java component that
 * terminates TLS with the database's certificate). Bad files become {@link ConfigException}s that
 * name the file.
 */
public final class TlsContexts {

  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /** An in-memory trust store with every certificate in {@code caFile} as a trust anchor. */
  public static KeyStore trustStore(Path caFile) {
    List<X509Certificate> certs = read(caFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < certs.size(); i++) {
        store.setCertificateEntry("ca-" + i, certs.get(i));
      }
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build an in-memory trust store", e);
    }
  }

  /** A trust manager that accepts only chains ending at a certificate in {@code caFile}. */
  public static X509TrustManager trustManager(Path caFile) {
    try {
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trustStore(caFile));
      return (X509TrustManager) factory.getTrustManagers()[0];
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a trust manager", e);
    }
  }

  /**
   * A client context trusting only {@code caFile}. Host names are checked only when the caller sets
   * {@code SSLParameters.setEndpointIdentificationAlgorithm("HTTPS")} on its sockets.
   */
  public static SSLContext clientContext(Path caFile) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new X509TrustManager[] {trustManager(caFile)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS client context", e);
    }
  }

  /** A server context presenting {@code files.serverCert()} (with its chain) and its key. */
  public static SSLContext serverContext(TlsFiles files) {
    List<X509Certificate> chain = read(files.serverCert());
    PrivateKey key;
    try {
      key = PemFiles.privateKey(files.serverKey());
    } catch (PemProblem p) {
      throw problem(files.serverKey(), p);
    }
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, NO_PASSWORD, chain.toArray(X509Certificate[]::new));
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, NO_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build a TLS server context from " + files, e);
    }
  }

  private static List<X509Certificate> read(Path file) {
    try {
      return PemFiles.certificates(file);
    } catch (PemProblem p) {
      throw problem(file, p);
    }
  }

  private static ConfigException problem(Path file, PemProblem p) {
    return new ConfigException(
        "tls." + p.code(), "TLS file " + file + " " + p.getMessage(), "check the TLS files");
  }
}
