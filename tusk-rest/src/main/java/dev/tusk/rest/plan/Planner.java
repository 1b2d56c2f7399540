package dev.tusk.rest.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.request.Action;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.ApiRequestError;
import dev.tusk.rest.request.Preferences;
import dev.tusk.rest.schema.SchemaCache;
import java.util.List;

/**
 * The Plan and Query stages: an {@link ApiRequest} resolved against the {@link SchemaCache} into
 * one parameterised statement and the shape of its response. Pure: nothing here touches the
 * database, so every plan is unit-tested by its SQL text and parameters. Unknown columns in select,
 * filters and order reach the SQL (quoted) and fail there with PostgreSQL's 42703, as in PostgREST;
 * unknown tables, embeds, functions and write columns fail here with PGRST2xx.
 */
public final class Planner {

  private final PayloadReader payloads;

  /** {@code mapper} parses request bodies; share the server's one. */
  public Planner(ObjectMapper mapper) {
    this.payloads = new PayloadReader(mapper);
  }

  /**
   * @throws PlanException for everything PostgREST answers before running SQL
   * @throws IllegalArgumentException for OPTIONS and the root, which are not planned here
   */
  public QueryPlan plan(ApiRequest request, SchemaCache cache, PlanSettings settings) {
    if (!settings.schemas().isEmpty() && !settings.schemas().contains(request.schema())) {
      throw PlanErrors.fail(
          new PlanError.Request(
              new ApiRequestError.UnacceptableSchema(request.schema(), settings.schemas())));
    }
    ApiRequest req = checkTimezone(request, cache);
    return planAction(req, cache, settings).withTimezone(req.preferences().timezone());
  }

  /**
   * {@code Prefer: timezone} must name a zone in {@code pg_timezone_names}, exactly, as in
   * PostgREST. Another name is ignored (not applied, not in Preference-Applied), or under {@code
   * handling=strict} is 400 PGRST122.
   */
  private static ApiRequest checkTimezone(ApiRequest req, SchemaCache cache) {
    Preferences prefs = req.preferences();
    if (prefs.timezone().isEmpty() || cache.knowsTimezone(prefs.timezone().get())) {
      return req;
    }
    if (prefs.strict()) {
      throw PlanErrors.fail(
          new PlanError.Request(
              new ApiRequestError.InvalidPreferences(
                  List.of("timezone=" + prefs.timezone().get()))));
    }
    return new ApiRequest(
        req.action(),
        req.schema(),
        req.schemaFromProfile(),
        req.query(),
        prefs.withoutTimezone(),
        req.accept(),
        req.negotiation(),
        req.payload());
  }

  private QueryPlan planAction(ApiRequest req, SchemaCache cache, PlanSettings settings) {
    return switch (req.action()) {
      case Action.Read r -> ReadPlanner.plan(req, r.relation(), r.headOnly(), cache, settings);
      case Action.Insert i -> new WritePlanner(payloads, cache, settings).insert(req, i.relation());
      case Action.Update u -> new WritePlanner(payloads, cache, settings).update(req, u.relation());
      case Action.Upsert u -> new WritePlanner(payloads, cache, settings).put(req, u.relation());
      case Action.Delete d -> new WritePlanner(payloads, cache, settings).delete(req, d.relation());
      case Action.CallRpc c -> new RpcPlanner(payloads, cache, settings).plan(req, c);
      case Action.Info i -> throw new IllegalArgumentException("OPTIONS is answered, not planned");
      case Action.OpenApi o ->
          throw new IllegalArgumentException("the OpenAPI document is not planned");
    };
  }
}
