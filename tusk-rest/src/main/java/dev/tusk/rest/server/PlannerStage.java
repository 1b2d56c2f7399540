package dev.tusk.rest.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.core.config.ApiConfig;
import dev.tusk.core.http.Headers;
import dev.tusk.rest.plan.PlanError;
import dev.tusk.rest.plan.PlanException;
import dev.tusk.rest.plan.PlanSettings;
import dev.tusk.rest.plan.Planner;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.SchemaLookupException;

/** The planner behind {@link PlanStage}, with its errors in the API's error shape. */
public final class PlannerStage implements PlanStage {

  private final Planner planner = new Planner(new ObjectMapper());
  private final PlanSettings settings;

  public PlannerStage(ApiConfig config) {
    this.settings =
        new PlanSettings(
            config.maxRows(), config.aggregates(), config.planEnabled(), config.schemas());
  }

  @Override
  public QueryPlan plan(ApiRequest request, SchemaCache cache) throws ApiFailure {
    try {
      return planner.plan(request, cache, settings);
    } catch (PlanException e) {
      throw new ApiFailure(of(e.error()));
    } catch (SchemaLookupException e) {
      throw new ApiFailure(Problems.of(e.error()));
    }
  }

  static ApiProblem of(PlanError e) {
    if (e instanceof PlanError.Lookup l) {
      return Problems.of(l.error());
    }
    return new ApiProblem(
        e.status(),
        e.code(),
        e.message(),
        Problems.details(e.details().orElse(null)),
        e.hint().orElse(null),
        Headers.empty());
  }
}
