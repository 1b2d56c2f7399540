package dev.tusk.testkit;

import dev.tusk.engine.os.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The child process of NonRootIT, run as an unprivileged user: starts a server through the testkit
 * as {@code tusk up} would, connects with TLS verify-full, runs a query, stops the server and
 * prints one line starting with {@link #MARKER} with what it saw. It leaves the home in place so
 * the parent can check who owns the data directory; the parent deletes it.
 */
public final class NonRootMain {

  static final String MARKER = "TUSK-NONROOT-OK";

  private NonRootMain() {}

  public static void main(String[] args) throws Exception {
    int uid = uidOf(Path.of("/proc/self"));
    Host host = Host.detect("postgres");
    if (host.isRoot() || host.postgresAccount().switched()) {
      throw new IllegalStateException("expected an unprivileged run, got uid " + uid);
    }
    TestServer server = TestServer.start();
    try {
      long pid = server.server().supervisor().pid().orElseThrow();
      int postmasterUid = uidOf(Path.of("/proc/" + pid));
      String sslMode = server.superuser().endpoint().sslMode();
      String answer;
      boolean ssl;
      try (Connection c = server.superuser().open("postgres");
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT 6 * 7, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
        rs.next();
        answer = rs.getString(1);
        ssl = rs.getBoolean(2);
      }
      server.server().stop();
      System.out.println(
          MARKER
              + " uid="
              + uid
              + " postmaster_uid="
              + postmasterUid
              + " sslmode="
              + sslMode
              + " ssl="
              + ssl
              + " answer="
              + answer
              + " pgdata="
              + server.config().postgres().dataDir());
    } finally {
      server.server().stop();
    }
  }

  private static int uidOf(Path proc) throws java.io.IOException {
    return (Integer) Files.getAttribute(proc, "unix:uid");
  }
}
