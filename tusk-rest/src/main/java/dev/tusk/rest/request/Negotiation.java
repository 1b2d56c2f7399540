package dev.tusk.rest.request;

import java.util.List;

/**
 * The outcome of matching {@code Accept} against what an endpoint can produce. Not acceptable is a
 * value, not an exception: the planner may still widen what is producible (a function's own media
 * type) and negotiate again with {@link MediaNegotiator}; only then is it the PGRST107 error.
 */
public sealed interface Negotiation {

  record Acceptable(MediaType chosen) implements Negotiation {}

  record NotAcceptable(List<String> requested) implements Negotiation {
    public NotAcceptable {
      requested = List.copyOf(requested);
    }

    public ApiRequestError error() {
      return new ApiRequestError.NotAcceptable(requested);
    }
  }
}
