package dev.tusk.rest.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.core.config.Secret;
import dev.tusk.core.config.TxEnd;
import dev.tusk.engine.sql.Connector;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.SchemaCacheLoader;
import dev.tusk.rest.tx.ConnectionPool;
import dev.tusk.rest.tx.DbError;
import dev.tusk.rest.tx.RequestContext;
import dev.tusk.rest.tx.RequestTransaction;
import dev.tusk.rest.tx.TxResult;
import dev.tusk.testkit.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance fixture on a real server, planned by the real schema cache and run through the
 * real transaction stage as the fixture's roles, connected as its {@code authenticator} with {@code
 * stringtype=unspecified} like the server. Every request rolls back, so tests can write.
 */
final class FixtureDb implements AutoCloseable {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String ALICE = "00000000-0000-0000-0000-000000000001";

  final SchemaCache cache;
  private final ConnectionPool pool;
  private final RequestTransaction tx;
  private final Planner planner = new Planner(MAPPER);

  private FixtureDb(SchemaCache cache, ConnectionPool pool) {
    this.cache = cache;
    this.pool = pool;
    this.tx = new RequestTransaction(pool, Optional.empty(), TxEnd.ROLLBACK);
  }

  static FixtureDb load(TestDatabase db) throws SQLException {
    SchemaCache cache;
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(resource("/conformance/fixture.sql"));
      s.execute(resource("/schema/extras.sql"));
      s.execute(resource("/plan/extras.sql"));
      cache = SchemaCacheLoader.load(c, List.of("content", "identity"), Clock.systemUTC());
    }
    Connector authenticator =
        db.server().superuser().as("authenticator", new Secret("authenticator-secret", "literal"));
    ConnectionPool pool =
        new ConnectionPool(
            () -> {
              Connection c = authenticator.open(db.name(), Map.of("stringtype", "unspecified"));
              c.setAutoCommit(false);
              return c;
            },
            2,
            Duration.ofSeconds(10));
    return new FixtureDb(cache, pool);
  }

  static String resource(String name) {
    try (InputStream in = FixtureDb.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  QueryPlan plan(String method, String url, String body, PlanSettings s, String... headers) {
    ApiRequest req = Plans.request(method, url, body, headers);
    return planner.plan(req, cache, s);
  }

  /** Runs the request as {@code persona} (anon, alice, bob, carol). */
  TxResult run(String persona, String method, String url, String body, String... headers)
      throws DbError {
    return run(persona, plan(method, url, body, Plans.SETTINGS, headers), method, url);
  }

  TxResult run(String persona, QueryPlan plan, String method, String url) throws DbError {
    return tx.run(context(persona, method, url, plan.shape().schema()), plan);
  }

  /** The body of a successful GET as JSON. */
  JsonNode get(String persona, String url, String... headers) throws DbError {
    return json(run(persona, "GET", url, null, headers));
  }

  static JsonNode json(TxResult r) {
    try {
      return MAPPER.readTree(r.body().orElseThrow(() -> new AssertionError("no body")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RequestContext context(String persona, String method, String url, String schema) {
    String role;
    String claims;
    switch (persona) {
      case "anon" -> {
        role = "api_anonymous";
        claims = "{\"role\":\"api_anonymous\"}";
      }
      case "alice", "bob", "carol" -> {
        int n = persona.equals("alice") ? 1 : persona.equals("bob") ? 2 : 3;
        role = persona.equals("carol") ? "api_editor" : "api_user";
        claims =
            "{\"role\":\""
                + role
                + "\",\"sub\":\"00000000-0000-0000-0000-00000000000"
                + n
                + "\",\"email\":\""
                + persona
                + "@example.com\"}";
      }
      default -> throw new IllegalArgumentException(persona);
    }
    return new RequestContext(
        role, !persona.equals("anon"), claims, method, url, "{}", "{}", schema, Optional.empty());
  }

  @Override
  public void close() {
    pool.close();
  }
}
