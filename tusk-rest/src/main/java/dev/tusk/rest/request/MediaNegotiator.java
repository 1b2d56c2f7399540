package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Picks the media type of a response: the client's ranges in order of preference, each matched
 * against what the endpoint can produce, in the endpoint's order of preference. A type matches its
 * own kind (parameters such as {@code nulls=stripped} travel with the client's choice), {@code
 * *}{@code /*} matches the endpoint's first choice, {@code type/*} the first of that type, and a
 * plan matches when its target does.
 */
public final class MediaNegotiator {

  private MediaNegotiator() {}

  public static Negotiation negotiate(List<MediaRange> accept, List<MediaType> producible) {
    for (MediaRange range : accept) {
      for (MediaType offered : producible) {
        MediaType chosen = match(range.type(), offered, producible);
        if (chosen != null) {
          return new Negotiation.Acceptable(chosen);
        }
      }
    }
    List<String> requested = new ArrayList<>();
    for (MediaRange range : accept) {
      requested.add(range.raw());
    }
    return new Negotiation.NotAcceptable(requested);
  }

  private static MediaType match(
      MediaType requested, MediaType offered, List<MediaType> producible) {
    return switch (requested) {
      case MediaType.Any any -> offered;
      case MediaType.Plan plan -> {
        boolean planOffered = offered instanceof MediaType.Plan;
        boolean targetOffered =
            producible.stream()
                .anyMatch(p -> !(p instanceof MediaType.Plan) && sameKind(plan.target(), p));
        yield planOffered && targetOffered ? plan : null;
      }
      case MediaType.Other other when other.essence().endsWith("/*") -> {
        String prefix = other.essence().substring(0, other.essence().length() - 1);
        yield offered.essence().startsWith(prefix) ? offered : null;
      }
      default -> sameKind(requested, offered) ? requested : null;
    };
  }

  private static boolean sameKind(MediaType a, MediaType b) {
    if (a instanceof MediaType.Other || b instanceof MediaType.Other) {
      return a.essence().equals(b.essence());
    }
    return a.getClass() == b.getClass();
  }

  /** What the built-in handlers produce for rows (tables, views, functions returning rows). */
  public static List<MediaType> rowOutputs() {
    return List.of(
        new MediaType.Json(),
        new MediaType.SingleObject(false),
        new MediaType.ArrayJson(false),
        new MediaType.Csv(),
        new MediaType.GeoJson(),
        new MediaType.Plan(new MediaType.Json(), MediaType.PlanFormat.TEXT, Set.of()));
  }

  /** What the root endpoint produces: the OpenAPI document. */
  public static List<MediaType> openApiOutputs() {
    return List.of(new MediaType.OpenApi(), new MediaType.Json());
  }
}
