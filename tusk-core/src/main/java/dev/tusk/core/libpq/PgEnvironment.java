package dev.tusk.core.libpq;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * libpq's environment variables ({@code PGHOST}, {@code PGPASSWORD}, ...), each with the keyword it
 * stands in for when a connection string leaves that keyword out; in libpq's own order. See {@link
 * ConnInfo#withEnvironment}. Only the deprecated {@code PGREQUIRESSL} is left out (it sets {@code
 * sslmode=require} when it starts with 1; use {@code PGSSLMODE}).
 */
public final class PgEnvironment {

  /** Keyword to variable. */
  public static final Map<String, String> VARIABLES = variables();

  private PgEnvironment() {}

  private static Map<String, String> variables() {
    String[] pairs = {
      "service", "PGSERVICE",
      "user", "PGUSER",
      "password", "PGPASSWORD",
      "passfile", "PGPASSFILE",
      "channel_binding", "PGCHANNELBINDING",
      "connect_timeout", "PGCONNECT_TIMEOUT",
      "dbname", "PGDATABASE",
      "host", "PGHOST",
      "hostaddr", "PGHOSTADDR",
      "port", "PGPORT",
      "client_encoding", "PGCLIENTENCODING",
      "options", "PGOPTIONS",
      "application_name", "PGAPPNAME",
      "sslmode", "PGSSLMODE",
      "sslnegotiation", "PGSSLNEGOTIATION",
      "sslcompression", "PGSSLCOMPRESSION",
      "sslcert", "PGSSLCERT",
      "sslkey", "PGSSLKEY",
      "sslcertmode", "PGSSLCERTMODE",
      "sslrootcert", "PGSSLROOTCERT",
      "sslcrl", "PGSSLCRL",
      "sslcrldir", "PGSSLCRLDIR",
      "sslsni", "PGSSLSNI",
      "requirepeer", "PGREQUIREPEER",
      "require_auth", "PGREQUIREAUTH",
      "ssl_min_protocol_version", "PGSSLMINPROTOCOLVERSION",
      "ssl_max_protocol_version", "PGSSLMAXPROTOCOLVERSION",
      "gssencmode", "PGGSSENCMODE",
      "krbsrvname", "PGKRBSRVNAME",
      "gsslib", "PGGSSLIB",
      "gssdelegation", "PGGSSDELEGATION",
      "target_session_attrs", "PGTARGETSESSIONATTRS",
      "load_balance_hosts", "PGLOADBALANCEHOSTS",
    };
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
