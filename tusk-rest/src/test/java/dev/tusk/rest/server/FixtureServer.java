package dev.tusk.rest.server;

import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.core.config.TxEnd;
import dev.tusk.core.log.TuskLog;
import dev.tusk.engine.sql.Connector;
import dev.tusk.rest.auth.JwtSigner;
import dev.tusk.testkit.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The conformance fixture behind a real REST server, configured as the shared conformance suite
 * expects (schemas content and identity, anonymous role, the suite's JWT secret, tx_end
 * commit-allow-override), for the tests that talk to it over HTTP.
 */
final class FixtureServer {

  static final String SECRET = "tusk-conformance-secret-0123456789abcdef";

  /** {@code api.max_body_bytes} of the fixture's server. */
  static final long MAX_BODY_BYTES = 1 << 20;

  private FixtureServer() {}

  /** Loads fixture.sql into {@code db} and starts the API on an ephemeral port. */
  static RestServer start(TestDatabase db) throws Exception {
    load(db);
    return serve(db, false);
  }

  /** Loads fixture.sql into {@code db}, once per database. */
  static void load(TestDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        InputStream in = FixtureServer.class.getResourceAsStream("/conformance/fixture.sql")) {
      s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Starts the API on an ephemeral port over a database that has the fixture; {@code planEnabled}
   * is {@code api.plan_enabled}.
   */
  static RestServer serve(TestDatabase db, boolean planEnabled) {
    return serve(db, planEnabled, Set.of("postgres", "authenticator"));
  }

  /**
   * As {@link #serve(TestDatabase, boolean)}, with the roles the wiring tells the API to refuse.
   */
  static RestServer serve(TestDatabase db, boolean planEnabled, Set<String> refusedRoles) {
    ApiConfig api =
        new ApiConfig(
            true,
            "127.0.0.1",
            0,
            db.name(),
            "authenticator",
            Optional.empty(),
            Optional.empty(),
            List.of("content", "identity"),
            Optional.of("api_anonymous"),
            jwt(),
            Optional.empty(),
            Optional.empty(),
            TxEnd.COMMIT_ALLOW_OVERRIDE,
            true,
            MAX_BODY_BYTES,
            planEnabled,
            4,
            List.of(),
            true);
    Connector auth =
        db.server().superuser().as("authenticator", new Secret("authenticator-secret", "literal"));
    return RestServer.start(
        api,
        () -> auth.open(db.name(), Map.of("stringtype", "unspecified")),
        new PlannerStage(api),
        refusedRoles,
        TuskLog.silent(Clock.systemUTC()),
        Clock.systemUTC());
  }

  static JwtConfig jwt() {
    return new JwtConfig(
        Optional.of(new Secret(SECRET, "literal")),
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ".role",
        Optional.empty(),
        Duration.ofSeconds(30));
  }

  /** An HS256 token with {@code claims}, signed with the suite's secret. */
  static String token(Map<String, Object> claims) {
    return new JwtSigner(jwt()).sign(claims, "HS256");
  }
}
