package dev.tusk.core.config;

import static dev.tusk.core.config.ConfigPrinter.path;
import static dev.tusk.core.config.ConfigPrinter.secret;
import static dev.tusk.core.config.ConfigPrinter.text;
import static dev.tusk.core.config.ConfigPrinter.texts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code api} section of {@code tusk config print}, keys in registry order. With a {@code
 * db_uri}, {@code database} and {@code user} print as null: they were read out of the connection
 * string, and writing them next to it would make the printed file conflict with itself.
 */
final class ApiPrinter {

  private ApiPrinter() {}

  static Map<String, Object> api(ApiConfig a) {
    boolean viaUri = a.dbUri().isPresent();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", a.enabled());
    m.put("listen", text(a.listen()));
    m.put("port", a.port());
    m.put("database", viaUri ? null : text(a.database()));
    m.put("user", viaUri ? null : text(a.user()));
    m.put("password", secret(a.password()));
    m.put("db_uri", secret(a.dbUri()));
    m.put("schemas", texts(a.schemas()));
    m.put("anon_role", optional(a.anonRole()));
    m.put("jwt", jwt(a.jwt()));
    m.put("max_rows", a.maxRows().orElse(null));
    m.put("pre_request", optional(a.preRequest()));
    m.put("tx_end", ApiValues.name(a.txEnd()));
    m.put("aggregates", a.aggregates());
    m.put("max_body_bytes", a.maxBodyBytes());
    m.put("plan_enabled", a.planEnabled());
    m.put("pool_size", a.poolSize());
    m.put("cors_origins", texts(a.corsOrigins()));
    m.put("server_timing", a.serverTiming());
    return m;
  }

  private static Map<String, Object> jwt(JwtConfig j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("secret", secret(j.secret()));
    m.put("secret_is_base64", j.secretIsBase64());
    m.put("jwks_file", path(j.jwksFile()));
    m.put("jwks_url", optional(j.jwksUrl().map(Object::toString)));
    m.put("audience", optional(j.audience()));
    m.put("role_claim_key", text(j.roleClaimKey()));
    m.put("cookie", optional(j.cookieName()));
    m.put("clock_skew_seconds", j.clockSkew().toSeconds());
    return m;
  }

  private static String optional(Optional<String> s) {
    return s.map(ConfigPrinter::text).orElse(null);
  }
}
