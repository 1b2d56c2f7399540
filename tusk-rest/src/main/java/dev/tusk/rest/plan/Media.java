package dev.tusk.rest.plan;

import dev.tusk.rest.query.Body;
import dev.tusk.rest.request.ApiRequest;
import dev.tusk.rest.request.MediaNegotiator;
import dev.tusk.rest.request.MediaType;
import dev.tusk.rest.request.Negotiation;
import java.util.List;

/**
 * The response's media type and how PostgreSQL renders the body in it. The request stage offers the
 * EXPLAIN media type to everyone; when {@code planEnabled} is off it is negotiated away here, so a
 * client asking for a plan gets the next acceptable type or PGRST107.
 */
final class Media {

  private Media() {}

  static MediaType choose(ApiRequest req, PlanSettings settings) {
    Negotiation n = req.negotiation();
    if (!settings.planEnabled()
        && n instanceof Negotiation.Acceptable a
        && a.chosen() instanceof MediaType.Plan) {
      List<MediaType> withoutPlan =
          MediaNegotiator.rowOutputs().stream()
              .filter(m -> !(m instanceof MediaType.Plan))
              .toList();
      n = MediaNegotiator.negotiate(req.accept(), withoutPlan);
    }
    return switch (n) {
      case Negotiation.Acceptable a -> a.chosen();
      case Negotiation.NotAcceptable na -> throw PlanErrors.notAcceptable(na.requested());
    };
  }

  /** The rows as the media type wants them; a plan renders its target's body. */
  static Body body(MediaType media) {
    return switch (media) {
      case MediaType.Json j -> new Body.JsonArray(false);
      case MediaType.ArrayJson a -> new Body.JsonArray(a.stripNulls());
      case MediaType.SingleObject o -> new Body.JsonObject(o.stripNulls());
      case MediaType.Csv c -> new Body.Csv();
      case MediaType.GeoJson g -> new Body.GeoJson();
      case MediaType.Any any -> new Body.JsonArray(false);
      case MediaType.Plan p -> body(p.target());
      default -> throw PlanErrors.notAcceptable(List.of(media.essence()));
    };
  }

  static boolean singular(MediaType media) {
    return switch (media) {
      case MediaType.SingleObject o -> true;
      case MediaType.Plan p -> singular(p.target());
      default -> false;
    };
  }
}
