package dev.tusk.engine.tls;

import java.nio.file.Path;

/** The file names of auto mode, in one place (DESIGN.md: {@code tusk-data/tls/}). */
record AutoTlsLayout(Path dir) {

  Path caCert() {
    return dir.resolve("ca.crt");
  }

  Path caKey() {
    return dir.resolve("ca.key");
  }

  Path serverCert() {
    return dir.resolve("server.crt");
  }

  Path serverKey() {
    return dir.resolve("server.key");
  }

  Path[] all() {
    return new Path[] {caCert(), caKey(), serverCert(), serverKey()};
  }
}
