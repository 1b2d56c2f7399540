package dev.tusk.rest.server;

import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.http.HttpServer;
import dev.tusk.core.http.ServerConfig;
import dev.tusk.core.log.TuskLog;
import dev.tusk.core.metrics.PromText;
import dev.tusk.rest.auth.JwtVerifier;
import dev.tusk.rest.auth.KeySources;
import dev.tusk.rest.tx.ConnectionPool;
import dev.tusk.rest.tx.RequestTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The REST API assembled: HTTP server, schema cache with its reload listener, JWT verifier,
 * planner, connection pool and transaction stage. Stateless apart from the cache, so any number of
 * copies can run behind a load balancer.
 */
public final class RestServer implements AutoCloseable {

  /** Opens a connection as the API's login role (never a superuser). */
  @FunctionalInterface
  public interface Connections {
    Connection open() throws SQLException;
  }

  /** Room for the REST layer's 64 KiB query string plus method, path and version. */
  static final int MAX_REQUEST_LINE_BYTES = 72 * 1024;

  static final int MAX_HEADER_BYTES = 16 * 1024;

  private final HttpServer http;
  private final ConnectionPool pool;
  private final SchemaReloader reloader;
  private final RestMetrics metrics;
  private final SchemaCacheHolder caches;

  private RestServer(
      HttpServer http,
      ConnectionPool pool,
      SchemaReloader reloader,
      RestMetrics metrics,
      SchemaCacheHolder caches) {
    this.http = http;
    this.pool = pool;
    this.reloader = reloader;
    this.metrics = metrics;
    this.caches = caches;
  }

  /**
   * Starts serving. {@code refusedRoles} are roles a token may never name (the superuser and the
   * login role itself): such a token is a 401, not an attempt to switch.
   */
  public static RestServer start(
      ApiConfig config,
      Connections connections,
      PlanStage planner,
      Set<String> refusedRoles,
      TuskLog log,
      Clock clock) {
    SchemaCacheHolder.Source source = connections::open;
    SchemaCacheHolder caches = new SchemaCacheHolder(source, config.schemas(), clock, log);
    caches.reload();
    SchemaReloader reloader = new SchemaReloader(caches, source, log).start();
    ConnectionPool pool =
        new ConnectionPool(
            () -> {
              Connection c = connections.open();
              c.setAutoCommit(false);
              return c;
            },
            config.poolSize(),
            Duration.ofSeconds(10));
    RequestTransaction tx =
        new RequestTransaction(
            pool, config.preRequest().map(RestServer::quoteFunction), config.txEnd());
    JwtVerifier verifier =
        new JwtVerifier(
            config.jwt(),
            clock,
            KeySources.fromConfig(config.jwt(), clock, msg -> log.warn("rest", msg)),
            new JwtVerifier.Options(refusedRoles, 1000));
    RestMetrics metrics = new RestMetrics();
    RestHandler handler =
        new RestHandler(config, caches, verifier, planner, tx, metrics, log, clock);
    ServerConfig sc =
        ServerConfig.defaults(config.listen(), config.port(), clock)
            .withLimits(MAX_REQUEST_LINE_BYTES, MAX_HEADER_BYTES, 100, config.maxBodyBytes());
    sc =
        sc.withErrorRenderer(
            new HttpProblems(sc.maxRequestLineBytes(), sc.maxHeaderBytes(), sc.maxBodyBytes()));
    HttpServer http =
        new HttpServer(
                sc, handler, (request, error) -> log.error("rest", "handler failed: " + error))
            .start();
    log.info(
        "rest",
        "REST API listening",
        "port",
        http.port(),
        "schemas",
        String.join(",", config.schemas()));
    return new RestServer(http, pool, reloader, metrics, caches);
  }

  /** {@code fn} or {@code schema.fn} from api.pre_request, each part quoted. */
  static String quoteFunction(String name) {
    return Arrays.stream(name.split("\\.", 2))
        .map(p -> "\"" + p.replace("\"", "\"\"") + "\"")
        .collect(Collectors.joining("."));
  }

  public int port() {
    return http.port();
  }

  public boolean ready() {
    return caches.current().isPresent();
  }

  /** For the platform's /ready: {@code ready} once a schema cache is loaded. */
  public String state() {
    return ready() ? "ready" : "loading schema cache";
  }

  /** Reloads the schema cache now (SIGUSR1). */
  public boolean reloadSchema() {
    return reloader.reloadNow();
  }

  public void writeMetrics(PromText out) {
    metrics.write(out);
    ConnectionPool.Stats s = pool.stats();
    out.family(
        "tusk_rest_pool_connections", PromText.Type.GAUGE, "REST API pool connections by state");
    out.sample("tusk_rest_pool_connections", s.active(), "state", "in_use");
    out.sample("tusk_rest_pool_connections", s.idle(), "state", "idle");
    out.sample("tusk_rest_pool_connections", s.waiting(), "state", "waiting");
    out.family(
        "tusk_rest_schema_cache_load_seconds",
        PromText.Type.GAUGE,
        "How long the last schema cache load took");
    caches
        .current()
        .ifPresent(
            c ->
                out.sample(
                    "tusk_rest_schema_cache_load_seconds", c.loadDuration().toNanos() / 1e9));
  }

  @Override
  public void close() {
    http.close();
    reloader.close();
    pool.close();
  }
}
