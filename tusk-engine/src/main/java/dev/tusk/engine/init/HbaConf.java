package dev.tusk.engine.init;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders pg_hba.conf and pg_ident.conf. The rules: the OS account that runs PostgreSQL may log in
 * as the superuser over the Unix socket by peer authentication (for maintenance); every other
 * connection authenticates with scram-sha-256; TCP connections must use TLS when TLS is on (a plain
 * TCP connection is rejected by an explicit rule, so the client sees why); nothing is ever {@code
 * trust}.
 */
public final class HbaConf {

  private HbaConf() {}

  /** pg_hba.conf for a server listening on {@code listen}. */
  public static String renderHba(String superuser, String listen, boolean tls) {
    List<String> lines = new ArrayList<>();
    lines.add("# Written by Tusk on every start; edits are overwritten.");
    lines.add("# TYPE      DATABASE     USER   ADDRESS      METHOD");
    lines.add(row("local", "all", ident(superuser), "", "peer map=tusk"));
    lines.add(row("local", "all", "all", "", "scram-sha-256"));
    String tcp = tls ? "hostssl" : "host";
    List<String> nets = networks(listen);
    for (String db : List.of("all", "replication")) {
      for (String net : nets) {
        lines.add(row(tcp, db, "all", net, "scram-sha-256"));
      }
    }
    if (tls) {
      for (String net : List.of("0.0.0.0/0", "::/0")) {
        lines.add(row("hostnossl", "all", "all", net, "reject"));
        lines.add(row("hostnossl", "replication", "all", net, "reject"));
      }
    }
    return String.join("\n", lines) + "\n";
  }

  /** pg_ident.conf: map the OS account that runs PostgreSQL to the superuser. */
  public static String renderIdent(String osAccount, String superuser) {
    return "# Written by Tusk on every start; edits are overwritten.\n"
        + "# MAPNAME  SYSTEM-USERNAME  PG-USERNAME\n"
        + "tusk "
        + ident(osAccount)
        + " "
        + ident(superuser)
        + "\n";
  }

  /**
   * The client networks to accept: loopback always; everything when the server listens beyond
   * loopback (the firewall and scram decide then).
   */
  static List<String> networks(String listen) {
    List<String> nets = new ArrayList<>(List.of("127.0.0.1/32", "::1/128"));
    for (String addr : listen.split(",")) {
      String a = addr.strip();
      if (!(a.equals("localhost") || a.startsWith("127.") || a.equals("::1") || a.isEmpty())) {
        return List.of("0.0.0.0/0", "::/0");
      }
    }
    return nets;
  }

  /** Quotes a name for pg_hba/pg_ident, where a double-quoted token is taken literally. */
  static String ident(String name) {
    if (name.chars().anyMatch(c -> c == '"' || c < 0x20)) {
      throw new dev.tusk.core.error.ConfigException(
          "config.bad_value",
          "the name '" + name.replaceAll("\\p{Cntrl}", "?") + "' cannot be used in pg_hba.conf",
          "use a role or OS user name without double quotes or control characters");
    }
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String row(String type, String db, String user, String addr, String method) {
    return String.format("%-11s %-12s %-6s %-12s %s", type, db, user, addr, method).stripTrailing();
  }
}
