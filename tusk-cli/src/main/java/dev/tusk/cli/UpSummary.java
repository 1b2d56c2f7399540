package dev.tusk.cli;

import dev.tusk.core.config.RoleConfig;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.engine.Platform;
import dev.tusk.engine.binaries.Resolution;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.sql.Endpoint;
import java.time.Duration;
import java.util.Locale;

/** What {@code tusk up} prints once everything is ready: how to connect, and how long it took. */
public final class UpSummary {

  private UpSummary() {}

  public static String render(TuskConfig cfg, Platform.Report r) {
    return render(cfg, r, java.util.Optional.empty());
  }

  /** With {@code restLine}, the REST API's line, before the closing hint. */
  public static String render(
      TuskConfig cfg, Platform.Report r, java.util.Optional<String> restLine) {
    Endpoint e = r.server().endpoint();
    StringBuilder s = new StringBuilder();
    s.append("Tusk is up: cluster ").append(cfg.cluster().name()).append('\n');
    s.append("  PostgreSQL ")
        .append(r.server().serverVersion())
        .append(" on ")
        .append(e.host())
        .append(':')
        .append(e.port())
        .append(", TLS ")
        .append(e.sslMode().equals("disable") ? "off" : "on")
        .append(", scram-sha-256\n");
    String db = cfg.databases().isEmpty() ? "postgres" : cfg.databases().getFirst().name();
    String user =
        cfg.databases().isEmpty() ? cfg.postgres().superuser() : cfg.databases().getFirst().owner();
    s.append("  connect:   psql \"").append(e.libpq(db, user)).append("\"\n");
    s.append("             or: tusk sql \"select version()\"\n");
    s.append("  password:  ").append(passwordHint(cfg, user)).append('\n');
    if (!user.equals(cfg.postgres().superuser())) {
      s.append("  superuser: ")
          .append(cfg.postgres().superuser())
          .append(", password ")
          .append(passwordHint(cfg, cfg.postgres().superuser()))
          .append('\n');
    }
    r.adminPort()
        .ifPresent(
            p ->
                s.append("  admin:     http://")
                    .append(cfg.admin().listen())
                    .append(':')
                    .append(p)
                    .append("/status  (/live /ready /metrics)\n"));
    s.append("  started in ")
        .append(seconds(r.total()))
        .append(r.server().initialized() ? " (cold start: " : " (warm start: ")
        .append("binaries ")
        .append(r.binaries().source() == Resolution.Source.UNPACKED ? "unpacked " : "ready ")
        .append(seconds(r.binaries().elapsed()));
    if (r.server().initialized()) {
      s.append(", initdb ").append(seconds(r.server().initdb()));
    }
    s.append(", server ready after ").append(seconds(r.server().total()));
    s.append(")\n");
    restLine.ifPresent(l -> s.append(l).append('\n'));
    s.append("  stop with Ctrl-C or SIGTERM");
    return s.toString();
  }

  private static String passwordHint(TuskConfig cfg, String role) {
    if (role.equals(cfg.postgres().superuser()) && cfg.postgres().superuserPassword().isPresent()) {
      return "from " + cfg.postgres().superuserPassword().get().source();
    }
    for (RoleConfig r : cfg.roles()) {
      if (r.name().equals(role) && r.password().isPresent()) {
        return "from " + r.password().get().source();
      }
    }
    return "in "
        + new SecretStore(cfg.secretsDir(), new java.security.SecureRandom()).fileFor(role);
  }

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
  }
}
