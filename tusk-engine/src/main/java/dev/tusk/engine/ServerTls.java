package dev.tusk.engine;

import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.OperationException;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.tls.AutoTls;
import dev.tusk.engine.tls.AutoTlsResult;
import dev.tusk.engine.tls.FilesTls;
import dev.tusk.engine.tls.TlsFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The server's TLS files for each {@code postgres.tls.mode}. In {@code files} mode the user's files
 * are validated, then copied under {@code <home>/tls/provided/}: PostgreSQL needs the key owned by
 * its own account with mode 0600, which a key in /etc/letsencrypt never is, and a copy also means a
 * certificate renewed on disk takes effect at the next start, never half-way.
 */
public final class ServerTls implements TlsProvider {

  private final Clock clock;
  private final TuskLog log;

  public ServerTls(Clock clock, TuskLog log) {
    this.clock = clock;
    this.log = log;
  }

  @Override
  public Optional<TlsFiles> prepare(TuskConfig config) {
    return switch (config.postgres().tls().mode()) {
      case OFF -> Optional.empty();
      case AUTO -> {
        AutoTlsResult r = new AutoTls(clock).ensureAuto(config.tlsDir(), names(config));
        log.info("tls", r.summary());
        yield Optional.of(r.files());
      }
      case FILES ->
          Optional.of(copy(new FilesTls(clock).fromFiles(config.postgres().tls()), config));
    };
  }

  /** The names the auto certificate covers: loopback, the listen addresses, this host's name. */
  static List<String> names(TuskConfig config) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
    for (String a : config.postgres().listen().split(",")) {
      String addr = a.strip();
      if (!addr.isEmpty() && !addr.equals("*") && !addr.equals("0.0.0.0") && !addr.equals("::")) {
        names.add(addr);
      }
    }
    try {
      names.add(InetAddress.getLocalHost().getHostName());
    } catch (IOException e) {
      // no resolvable host name: loopback names still work
    }
    return List.copyOf(names);
  }

  private static TlsFiles copy(TlsFiles src, TuskConfig config) {
    Path dir = config.tlsDir().resolve("provided");
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      Path cert = place(src.serverCert(), dir.resolve("server.crt"), "rw-r--r--");
      Path key = place(src.serverKey(), dir.resolve("server.key"), "rw-------");
      Optional<Path> ca = Optional.empty();
      if (src.caCert().isPresent()) {
        ca = Optional.of(place(src.caCert().get(), dir.resolve("ca.crt"), "rw-r--r--"));
      }
      return new TlsFiles(ca, cert, key);
    } catch (IOException e) {
      throw new OperationException(
          "tls.copy_failed",
          "could not copy the TLS files into " + dir + ": " + e.getMessage(),
          "check that cluster.home is writable",
          e);
    }
  }

  private static Path place(Path from, Path to, String mode) throws IOException {
    Path tmp = Files.createTempFile(to.getParent(), ".copy-", ".tmp");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
    Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(mode));
    Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return to;
  }
}
