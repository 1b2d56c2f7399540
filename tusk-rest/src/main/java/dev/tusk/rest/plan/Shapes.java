package dev.tusk.rest.plan;

import dev.tusk.rest.query.ResponseKind;
import dev.tusk.rest.query.ResponseShape;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.request.Preferences;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Builds the {@link ResponseShape}: the preferences a request of this kind honours (and so lists in
 * Preference-Applied), max-affected only where it applies (PATCH, DELETE, RPC, under
 * handling=strict), and the rest straight from the request.
 */
final class Shapes {

  private Shapes() {}

  static ResponseShape of(
      ApiRequest req,
      ResponseKind kind,
      MediaType media,
      long offset,
      boolean representation,
      boolean headersOnly,
      boolean headOnly) {
    Preferences p = req.preferences();
    boolean affects =
        kind == ResponseKind.UPDATE
            || kind == ResponseKind.DELETE
            || kind == ResponseKind.RPC
            || kind == ResponseKind.RPC_VOID;
    OptionalLong maxAffected = p.strict() && affects ? p.maxAffected() : OptionalLong.empty();
    return new ResponseShape(
        kind,
        media,
        Media.singular(media),
        offset,
        representation,
        headersOnly,
        p.count().isPresent(),
        maxAffected,
        applied(p, kind),
        headOnly,
        req.schema(),
        req.schemaFromProfile());
  }

  private static List<String> applied(Preferences p, ResponseKind kind) {
    Set<String> honoured =
        switch (kind) {
          case READ -> Set.of("count", "tx", "handling", "timezone");
          case CREATE ->
              Set.of("resolution", "missing", "return", "count", "tx", "handling", "timezone");
          case UPSERT -> Set.of("return", "count", "tx", "handling", "timezone");
          case UPDATE ->
              Set.of("return", "count", "tx", "missing", "handling", "max-affected", "timezone");
          case DELETE -> Set.of("return", "count", "tx", "handling", "max-affected", "timezone");
          case RPC, RPC_VOID ->
              Set.of("params", "count", "tx", "handling", "max-affected", "timezone");
        };
    return p.applied().stream()
        .filter(a -> honoured.contains(a.substring(0, a.indexOf('='))))
        .toList();
  }
}
