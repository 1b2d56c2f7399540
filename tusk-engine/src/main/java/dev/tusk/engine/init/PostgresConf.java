package dev.tusk.engine.init;

import dev.tusk.core.config.PostgresConfig;
import dev.tusk.core.error.ConfigException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Renders postgresql.conf: Tusk's defaults sized to the machine (PGTune's rules of thumb), the
 * settings Tusk must own (listen address, port, TLS, logging), then the user's {@code
 * postgres.parameters}. A pure function of its inputs, so it is unit-tested without a server. Every
 * value is written single-quoted, which PostgreSQL accepts for every setting and which keeps a
 * hostile value from adding lines of its own.
 */
public final class PostgresConf {

  /** Settings that have their own config key; setting them in parameters would be ambiguous. */
  private static final Map<String, String> OWNED =
      Map.of(
          "port", "postgres.port",
          "listen_addresses", "postgres.listen",
          "ssl", "postgres.tls.mode",
          "ssl_cert_file", "postgres.tls.cert_file",
          "ssl_key_file", "postgres.tls.key_file",
          "ssl_ca_file", "postgres.tls.ca_file",
          "data_directory", "postgres.data_dir",
          "hba_file", "(pg_hba.conf is rendered by Tusk)",
          "ident_file", "(pg_ident.conf is rendered by Tusk)");

  private static final Set<String> WAL_LEVELS = Set.of("replica", "logical");

  private static final long MB = 1024L * 1024;

  private PostgresConf() {}

  /** The effective settings in the order they are written. */
  public static Map<String, String> settings(
      PostgresConfig pg, ServerLayout layout, MachineFacts machine, int serverMajor) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("listen_addresses", pg.listen());
    s.put("port", Integer.toString(pg.port()));
    s.put("unix_socket_directories", layout.socketDir().toString());
    s.put("unix_socket_permissions", "0700");
    s.put("password_encryption", "scram-sha-256");
    if (layout.sslCert().isPresent()) {
      s.put("ssl", "on");
      s.put("ssl_cert_file", layout.sslCert().get().toString());
      s.put("ssl_key_file", layout.sslKey().orElseThrow().toString());
      layout.sslCa().ifPresent(ca -> s.put("ssl_ca_file", ca.toString()));
      s.put("ssl_min_protocol_version", "TLSv1.2");
    } else {
      s.put("ssl", "off");
    }
    int maxConnections = intParameter(pg, "max_connections", 100);
    long mem = machine.memoryBytes();
    long shared = clamp(mem / 4, 128 * MB, 8192 * MB);
    s.put("max_connections", Integer.toString(maxConnections));
    s.put("shared_buffers", mb(shared));
    s.put("effective_cache_size", mb(clamp(mem * 3 / 4, 256 * MB, Long.MAX_VALUE)));
    s.put("maintenance_work_mem", mb(clamp(mem / 16, 64 * MB, 2048 * MB)));
    s.put("work_mem", mb(clamp((mem - shared) / (maxConnections * 4L), 4 * MB, 256 * MB)));
    s.put("huge_pages", "try");
    s.put("wal_level", "replica");
    s.put("max_wal_senders", "10");
    s.put("shared_preload_libraries", "pg_stat_statements");
    s.put("logging_collector", "on");
    s.put("log_destination", serverMajor >= 15 ? "jsonlog" : "csvlog");
    s.put("log_directory", "log");
    s.put("log_filename", "postgresql-%a.log");
    s.put("log_rotation_age", "1d");
    s.put("log_rotation_size", "0");
    s.put("log_truncate_on_rotation", "on");
    s.put("log_min_duration_statement", "1s");
    s.put("log_checkpoints", "on");
    s.put("log_connections", "on");
    s.put("log_lock_waits", "on");
    for (Map.Entry<String, String> e : pg.parameters().entrySet()) {
      String key = e.getKey();
      if (OWNED.containsKey(key)) {
        throw new ConfigException(
            "config.owned_parameter",
            "postgres.parameters." + key + " is managed by Tusk",
            "set " + OWNED.get(key) + " instead");
      }
      String value = e.getValue();
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
        throw new ConfigException(
            "config.bad_value",
            "postgres.parameters." + key + " contains a line break or NUL",
            "write the value on one line");
      }
      if (key.equals("wal_level") && !WAL_LEVELS.contains(value)) {
        throw new ConfigException(
            "config.bad_value",
            "postgres.parameters.wal_level must be replica or logical, got '" + value + "'",
            "backups and replicas need WAL level replica or higher");
      }
      s.remove(key);
      s.put(key, value);
    }
    return s;
  }

  /** Checks {@code postgres.parameters} as a start would, without any machine facts. */
  public static void validate(PostgresConfig pg) {
    ServerLayout none =
        new ServerLayout(
            pg.dataDir(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            java.nio.file.Path.of("/tmp"));
    settings(pg, none, new MachineFacts(1L << 30, 1), pg.version());
  }

  /** The text of postgresql.conf. */
  public static String render(
      PostgresConfig pg, ServerLayout layout, MachineFacts machine, int serverMajor) {
    StringBuilder out = new StringBuilder();
    out.append("# Written by Tusk on every start. Do not edit: set postgres.parameters in\n");
    out.append("# tusk.yaml instead (ALTER SYSTEM still works, through postgresql.auto.conf).\n");
    for (Map.Entry<String, String> e : settings(pg, layout, machine, serverMajor).entrySet()) {
      out.append(e.getKey()).append(" = ").append(quote(e.getValue())).append('\n');
    }
    return out.toString();
  }

  static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }

  private static int intParameter(PostgresConfig pg, String key, int fallback) {
    String v = pg.parameters().get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1 || n > 262143) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "config.bad_value",
          "postgres.parameters." + key + " must be an integer 1-262143, got '" + v + "'",
          "write a plain number, e.g. " + key + ": 200");
    }
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static String mb(long bytes) {
    return (bytes / MB) + "MB";
  }
}
