package dev.tusk.rest.server;

import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.http.Handler;
import dev.tusk.core.http.Headers;
import dev.tusk.core.http.Request;
import dev.tusk.core.http.Response;
import dev.tusk.core.log.TuskLog;
import dev.tusk.rest.auth.AuthError;
import dev.tusk.rest.auth.AuthResult;
import dev.tusk.rest.auth.JwtVerifier;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.request.Action;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.ApiRequestException;
import dev.tusk.rest.request.Negotiation;
import dev.tusk.rest.request.RequestLimits;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.SchemaLookupException;
import dev.tusk.rest.tx.DbError;
import dev.tusk.rest.tx.RequestContext;
import dev.tusk.rest.tx.RequestTransaction;
import dev.tusk.rest.tx.TxResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request through the pipeline: parse, authenticate, plan, run, respond. Every failure becomes
 * PostgREST's error body; nothing but a bug produces a 500, and a bug's details stay in the log.
 */
public final class RestHandler implements Handler {

  private final ApiConfig config;
  private final SchemaCacheHolder caches;
  private final JwtVerifier verifier;
  private final PlanStage planner;
  private final RequestTransaction tx;
  private final RestMetrics metrics;
  private final TuskLog log;
  private final Clock clock;
  private final RequestLimits limits;

  public RestHandler(
      ApiConfig config,
      SchemaCacheHolder caches,
      JwtVerifier verifier,
      PlanStage planner,
      RequestTransaction tx,
      RestMetrics metrics,
      TuskLog log,
      Clock clock) {
    this.config = config;
    this.caches = caches;
    this.verifier = verifier;
    this.planner = planner;
    this.tx = tx;
    this.metrics = metrics;
    this.log = log;
    this.clock = clock;
    RequestLimits d = RequestLimits.defaults(config.schemas());
    this.limits =
        new RequestLimits(
            config.schemas(), config.txEnd().allowsOverride(), d.maxQueryLength(), d.maxDepth());
  }

  @Override
  public Response handle(Request request) {
    Instant t0 = clock.instant();
    Facts facts = new Facts();
    Response response;
    try {
      response = run(request, facts);
    } catch (ApiFailure f) {
      response = f.problem().toResponse();
    }
    response = Cors.decorate(request, response, config.corsOrigins());
    Duration took = Duration.between(t0, clock.instant());
    if (config.serverTiming()) {
      response = withHeader(response, "Server-Timing", "total;dur=" + took.toNanos() / 1_000_000.0);
    }
    metrics.observe(request.method(), response.status(), took);
    log.info(
        "rest",
        request.method() + " " + request.path() + " " + response.status(),
        "method",
        request.method(),
        "path",
        request.path(),
        "role",
        facts.role,
        "status",
        response.status(),
        "rows",
        facts.rows,
        "duration_ms",
        took.toNanos() / 1_000_000.0);
    return response;
  }

  /**
   * What the request log line reports beyond the response: the role the request ran as (once the
   * token was checked) and the rows the statement returned or changed (null when none ran).
   */
  private static final class Facts {
    String role = "-";
    Long rows;
  }

  private Response run(Request request, Facts facts) throws ApiFailure {
    if (Cors.isPreflight(request)) {
      return Cors.preflight(request, config.corsOrigins());
    }
    SchemaCache cache =
        caches
            .current()
            .orElseThrow(
                () ->
                    new ApiFailure(
                        ApiProblem.of(
                                503,
                                "PGRST002",
                                "Could not query the database for the schema cache. Retrying.",
                                null,
                                null)
                            .withHeaders(Headers.of("Retry-After", "1"))));
    // `/?openapi=3` asks for OpenAPI 3.1 (beyond PostgREST); the parameter is not a filter.
    boolean openApi3 =
        request.path().equals("/") && request.rawQuery().filter("openapi=3"::equals).isPresent();
    ApiRequest api;
    try {
      api =
          ApiRequest.parse(
              request.method(),
              request.path(),
              openApi3 ? null : request.rawQuery().orElse(null),
              request.headers().asMap(),
              request.body(),
              limits);
    } catch (ApiRequestException e) {
      throw new ApiFailure(Problems.of(e.error()));
    }
    if (api.action() instanceof Action.Info info) {
      return Options.answer(info, cache, api.schema());
    }
    if (api.action() instanceof Action.OpenApi) {
      return openApi(request, cache, api.schema(), openApi3);
    }
    if (api.negotiation() instanceof Negotiation.NotAcceptable na) {
      throw new ApiFailure(Problems.of(na.error()));
    }
    AuthResult auth;
    try {
      auth =
          verifier.authenticate(
              request.headers().first("Authorization"),
              request.headers().first("Cookie"),
              config.anonRole());
    } catch (AuthError e) {
      throw new ApiFailure(Problems.of(e));
    }
    if (auth instanceof AuthResult.Authenticated a && cache.isSuperuser(a.role())) {
      throw new ApiFailure(Problems.of(AuthError.refusedRole(a.role())));
    }
    RequestContext ctx = context(request, api, auth);
    facts.role = ctx.role();
    QueryPlan plan;
    try {
      plan = planner.plan(api, cache);
    } catch (SchemaLookupException e) {
      throw new ApiFailure(Problems.of(e.error()));
    }
    TxResult result;
    try {
      result = tx.run(ctx, plan);
    } catch (DbError e) {
      throw new ApiFailure(Problems.of(e));
    }
    facts.rows = result.pageTotal();
    return ResponseBuilder.build(plan.shape(), result, request.path());
  }

  /** {@code GET /}: Swagger 2.0 as PostgREST serves it, OpenAPI 3.1 with {@code ?openapi=3}. */
  private Response openApi(Request request, SchemaCache cache, String schema, boolean v3) {
    dev.tusk.rest.openapi.OpenApiSettings settings =
        dev.tusk.rest.openapi.OpenApiSettings.defaults("Tusk REST API", "tusk")
            .withHost(
                request
                    .headers()
                    .first("Host")
                    .flatMap(dev.tusk.rest.openapi.OpenApiSettings::hostHeader))
            .withJwt(
                config.jwt().secret().isPresent()
                    || config.jwt().jwksFile().isPresent()
                    || config.jwt().jwksUrl().isPresent())
            .withSchema(schema, Optional.empty());
    String body = v3 ? OPENAPI.openapi31(cache, settings) : OPENAPI.swagger2(cache, settings);
    return Response.of(
        200,
        Headers.of("Content-Type", "application/openapi+json; charset=utf-8"),
        body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static final dev.tusk.rest.openapi.OpenApiWriter OPENAPI =
      new dev.tusk.rest.openapi.OpenApiWriter();

  private RequestContext context(Request request, ApiRequest api, AuthResult auth) {
    String role;
    String claims;
    boolean authenticated;
    switch (auth) {
      case AuthResult.Anonymous a -> {
        role = a.role();
        claims = ApiProblem.JSON.createObjectNode().put("role", a.role()).toString();
        authenticated = false;
      }
      case AuthResult.Authenticated a -> {
        role = a.role();
        claims = a.claimsJson();
        authenticated = true;
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < request.headers().size(); i++) {
      headers.putIfAbsent(
          request.headers().name(i).toLowerCase(Locale.ROOT), request.headers().value(i));
    }
    Optional<Boolean> override =
        config.txEnd().allowsOverride()
            ? api.preferences()
                .transaction()
                .map(t -> t == dev.tusk.rest.request.Preferences.Transaction.COMMIT)
            : Optional.empty();
    return new RequestContext(
        role,
        authenticated,
        claims,
        request.method(),
        request.path(),
        RequestContext.json(headers),
        RequestContext.json(Cookies.parse(request.headers().all("Cookie"))),
        api.schema(),
        override);
  }

  private static Response withHeader(Response r, String name, String value) {
    return new Response(
        r.status(),
        r.reason(),
        Headers.builder().addAll(r.headers()).add(name, value).build(),
        r.body());
  }
}
