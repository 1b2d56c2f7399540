package dev.tusk.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PostgREST's configuration keys (as of v12/v13, {@code src/PostgREST/Config.hs}), sorted into the
 * ones Tusk implements (with the tusk.yaml key under {@code api} that does the same), their legacy
 * aliases, and the ones Tusk knows but does not implement. The last group is accepted with a
 * warning, so a working PostgREST config loads, and never silently.
 */
final class PostgrestKeys {

  /** PostgREST key → the key relative to tusk.yaml's {@code api} mapping. */
  static final Map<String, String> TUSK_NAMES = tuskNames();

  /** Main key → the legacy alias PostgREST reads when the main key is unset. */
  static final Map<String, String> ALIASES =
      Map.of(
          "db-schemas", "db-schema",
          "db-max-rows", "max-rows",
          "db-pre-request", "pre-request",
          "jwt-secret-is-base64", "secret-is-base64",
          "jwt-role-claim-key", "role-claim-key");

  /** Keys (and {@code app.settings.*}) that Tusk reads and ignores, with a warning. */
  static final Set<String> IGNORED =
      Set.of(
          "admin-server-host",
          "admin-server-port",
          "client-error-verbosity",
          "db-channel",
          "db-channel-enabled",
          "db-config",
          "db-extra-search-path",
          "db-hoisted-tx-settings",
          "db-pool-acquisition-timeout",
          "db-pool-automatic-recovery",
          "db-pool-max-idletime",
          "db-pool-max-lifetime",
          "db-pool-timeout",
          "db-pre-config",
          "db-prepared-statements",
          "db-root-spec",
          "db-timezone-enabled",
          "db-use-legacy-gucs",
          "internal-schema-cache-load-sleep",
          "internal-schema-cache-query-sleep",
          "internal-schema-cache-relationship-load-sleep",
          "jwt-cache-max-entries",
          "jwt-cache-max-lifetime",
          "log-level",
          "log-query",
          "openapi-mode",
          "openapi-security-active",
          "openapi-server-proxy-uri",
          "raw-media-types",
          "root-spec",
          "server-otel-enabled",
          "server-proxy-uri",
          "server-trace-header",
          "server-unix-socket",
          "server-unix-socket-mode");

  static final String APP_SETTINGS = "app.settings.";
  static final String ENV_PREFIX = "PGRST_";

  private PostgrestKeys() {}

  private static Map<String, String> tuskNames() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("db-uri", "db_uri");
    m.put("db-schemas", "schemas");
    m.put("db-schema", "schemas");
    m.put("db-anon-role", "anon_role");
    m.put("db-max-rows", "max_rows");
    m.put("max-rows", "max_rows");
    m.put("db-pre-request", "pre_request");
    m.put("pre-request", "pre_request");
    m.put("db-tx-end", "tx_end");
    m.put("db-pool", "pool_size");
    m.put("db-plan-enabled", "plan_enabled");
    m.put("db-aggregates-enabled", "aggregates");
    m.put("server-host", "listen");
    m.put("server-port", "port");
    m.put("server-cors-allowed-origins", "cors_origins");
    m.put("server-timing-enabled", "server_timing");
    m.put("jwt-secret", "jwt.secret");
    m.put("jwt-secret-is-base64", "jwt.secret_is_base64");
    m.put("secret-is-base64", "jwt.secret_is_base64");
    m.put("jwt-aud", "jwt.audience");
    m.put("jwt-role-claim-key", "jwt.role_claim_key");
    m.put("role-claim-key", "jwt.role_claim_key");
    return Map.copyOf(m);
  }

  /** The PostgREST names to recognise inside tusk.yaml's {@code api.jwt} mapping. */
  static Map<String, String> jwtNames() {
    Map<String, String> m = new LinkedHashMap<>();
    TUSK_NAMES.forEach(
        (k, v) -> {
          if (v.startsWith("jwt.")) {
            m.put(k, v.substring(4));
          }
        });
    return m;
  }

  /** Every key a PostgREST file may hold (besides {@code app.settings.*}). */
  static List<String> known() {
    List<String> all = new ArrayList<>(TUSK_NAMES.keySet());
    all.addAll(IGNORED);
    all.sort(null);
    return all;
  }

  static boolean isIgnored(String key) {
    return IGNORED.contains(key) || (key.startsWith(APP_SETTINGS) && key.length() > 13);
  }

  /** PostgREST's rule: {@code db-max-rows} → {@code PGRST_DB_MAX_ROWS}. */
  static String envName(String key) {
    return ENV_PREFIX + key.replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** The key a {@code PGRST_*} variable sets, if it is one PostgREST knows. */
  static Optional<String> keyOfEnv(String variable) {
    if (variable.startsWith(envName(APP_SETTINGS)) && variable.length() > 19) {
      return Optional.of(APP_SETTINGS + variable.substring(19));
    }
    return known().stream().filter(k -> envName(k).equals(variable)).findFirst();
  }
}
