package dev.tusk.rest.server;

import dev.tusk.core.http.Headers;
import dev.tusk.core.http.Response;
import dev.tusk.rest.request.Action;
import dev.tusk.rest.request.Resource;
import dev.tusk.rest.schema.Lookup;
import dev.tusk.rest.schema.Routine;
import dev.tusk.rest.schema.RpcPayload;
import dev.tusk.rest.schema.SchemaCache;
import dev.tusk.rest.schema.Table;
import dev.tusk.rest.schema.Volatility;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code OPTIONS}: which methods a resource takes, in an Allow header, from the schema cache, as
 * PostgREST 12 answers (PUT only on a table with a primary key).
 */
final class Options {

  private Options() {}

  static Response answer(Action.Info info, SchemaCache cache, String schema) throws ApiFailure {
    String allow =
        switch (info.resource()) {
          case Resource.Root r -> "OPTIONS,GET,HEAD";
          case Resource.Routine r -> routine(cache, schema, r.name());
          case Resource.Relation r -> {
            Table t =
                switch (cache.findTable(schema, r.name())) {
                  case Lookup.Found<Table> f -> f.value();
                  case Lookup.Failed<Table> f -> throw new ApiFailure(Problems.of(f.error()));
                };
            List<String> methods = new ArrayList<>(List.of("OPTIONS", "GET", "HEAD"));
            if (t.insertable()) {
              methods.add("POST");
            }
            if (t.insertable() && t.updatable() && !t.primaryKey().isEmpty()) {
              methods.add("PUT");
            }
            if (t.updatable()) {
              methods.add("PATCH");
            }
            if (t.deletable()) {
              methods.add("DELETE");
            }
            yield String.join(",", methods);
          }
        };
    return Response.of(200, Headers.of("Allow", allow), new byte[0]);
  }

  /**
   * A function takes GET and HEAD unless it is volatile, as PostgREST answers (a GET of a volatile
   * function still runs, read-only); an unknown function is PGRST202, as calling it would be.
   */
  private static String routine(SchemaCache cache, String schema, String name) throws ApiFailure {
    List<Routine> overloads = cache.routines(schema, name);
    if (overloads.isEmpty()
        && cache.findRoutine(schema, name, List.of(), RpcPayload.QUERY)
            instanceof Lookup.Failed<Routine> f) {
      throw new ApiFailure(Problems.of(f.error()));
    }
    boolean readable = overloads.stream().noneMatch(o -> o.volatility() == Volatility.VOLATILE);
    return readable ? "OPTIONS,GET,HEAD,POST" : "OPTIONS,POST";
  }
}
