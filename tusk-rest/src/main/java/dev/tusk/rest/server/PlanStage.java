package dev.tusk.rest.server;

import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.schema.SchemaCache;

/** The Plan and Query stages, as the handler sees them: pure, no database. */
@FunctionalInterface
public interface PlanStage {
  QueryPlan plan(ApiRequest request, SchemaCache cache) throws ApiFailure;
}
