package dev.tusk.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real TLS handshake over loopback with the generated files: the server presents server.crt and
 * server.key, the client trusts only ca.crt and checks the host name the way HTTPS (and libpq's
 * {@code sslmode=verify-full}) does. The JDK checks validity against the real time, so this test
 * uses the system clock.
 */
class TlsHandshakeTest {

  private static final InetAddress LOOPBACK = loopback();

  @TempDir Path tmp;
  private TlsFiles files;
  private ExecutorService executor;

  @BeforeEach
  void generate() {
    files =
        new AutoTls(Clock.systemUTC())
            .ensureAuto(tmp.resolve("tls"), List.of("localhost", "127.0.0.1"))
            .files();
    executor = Executors.newVirtualThreadPerTaskExecutor();
  }

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void verifiesByHostName() throws Exception {
    assertThat(handshake(TlsContexts.clientContext(files.caCert().orElseThrow()), "localhost"))
        .isEqualTo(42);
  }

  @Test
  void verifiesByIpAddress() throws Exception {
    assertThat(handshake(TlsContexts.clientContext(files.caCert().orElseThrow()), "127.0.0.1"))
        .isEqualTo(42);
  }

  @Test
  void refusesANameNotInTheCertificate() {
    SSLContext client = TlsContexts.clientContext(files.caCert().orElseThrow());

    assertThatThrownBy(() -> handshake(client, "db.example.com"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("db.example.com");
    assertThatThrownBy(() -> handshake(client, "127.0.0.2"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("127.0.0.2");
  }

  @Test
  void refusesAServerFromAnotherCa() {
    TlsFiles other =
        new AutoTls(Clock.systemUTC()).ensureAuto(tmp.resolve("other"), List.of("x")).files();
    SSLContext client = TlsContexts.clientContext(other.caCert().orElseThrow());

    assertThatThrownBy(() -> handshake(client, "localhost"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void aCaFileThatIsNotPemIsAConfigErrorNamingIt() throws Exception {
    Path bogus = java.nio.file.Files.writeString(tmp.resolve("ca.pem"), "not a certificate");

    assertThatThrownBy(() -> TlsContexts.clientContext(bogus))
        .isInstanceOfSatisfying(
            dev.tusk.core.error.ConfigException.class,
            e -> assertThat(e.code()).isEqualTo("tls.not_pem"))
        .hasMessageContaining(bogus.toString());
  }

  @Test
  void theTrustStoreHoldsOnlyTheCa() throws Exception {
    var store = TlsContexts.trustStore(files.caCert().orElseThrow());

    assertThat(java.util.Collections.list(store.aliases())).containsExactly("ca-0");
    assertThat(store.getCertificate("ca-0"))
        .isEqualTo(PemFiles.certificates(files.caCert().orElseThrow()).get(0));
  }

  /** Connects to a one-shot server and returns the byte it sends after the handshake. */
  private int handshake(SSLContext client, String expectedHost) throws Exception {
    SSLContext server = TlsContexts.serverContext(files);
    try (SSLServerSocket listener =
        (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, LOOPBACK)) {
      listener.setSoTimeout(30_000);
      Future<?> served =
          executor.submit(
              () -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                  accepted.startHandshake();
                  accepted.getOutputStream().write(42);
                  accepted.getOutputStream().flush();
                  accepted.getInputStream().read(); // wait until the client has read it
                }
                return null;
              });
      Socket plain = new Socket();
      plain.connect(new InetSocketAddress(LOOPBACK, listener.getLocalPort()), 30_000);
      plain.setSoTimeout(30_000);
      try (SSLSocket socket =
          (SSLSocket)
              client
                  .getSocketFactory()
                  .createSocket(plain, expectedHost, listener.getLocalPort(), true)) {
        SSLParameters params = socket.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(params);
        socket.startHandshake();
        int value = socket.getInputStream().read();
        socket.getOutputStream().write(0);
        socket.getOutputStream().flush();
        served.get();
        return value;
      }
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
