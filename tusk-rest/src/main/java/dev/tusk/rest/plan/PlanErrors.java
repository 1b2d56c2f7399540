package dev.tusk.rest.plan;

import dev.tusk.rest.request.ApiRequestError;
import java.util.List;
import java.util.Optional;

/** PostgREST's planning errors with their exact codes, statuses and wording. */
public final class PlanErrors {

  private PlanErrors() {}

  static PlanException fail(PlanError error) {
    return new PlanException(error);
  }

  private static PlanException fixed(String code, int status, String message, String detail) {
    return fail(
        new PlanError.Fixed(code, status, message, Optional.ofNullable(detail), Optional.empty()));
  }

  /** PGRST102: the body is not what the request needs. */
  static PlanException invalidBody(String message, String detail) {
    return fixed("PGRST102", 400, message, detail);
  }

  /** PGRST105: PUT must filter by eq on exactly the primary key columns. */
  static PlanException invalidPut() {
    return fixed(
        "PGRST105",
        405,
        "Filters must include all and only primary key columns with 'eq' operators",
        null);
  }

  /** PGRST115: PUT's body disagrees with its key filters. */
  static PlanException putMismatch() {
    return fixed("PGRST115", 400, "Payload values do not match URL in primary key column(s)", null);
  }

  /**
   * PGRST108: a parameter names an embedded resource the select does not embed (PostgREST 12's
   * wording, which 13 prefixed with "Cannot apply filter because").
   */
  static PlanException notEmbedded(String name) {
    return fail(
        new PlanError.Fixed(
            "PGRST108",
            400,
            "'" + name + "' is not an embedded resource in this request",
            Optional.empty(),
            Optional.of(
                "Verify that '" + name + "' is included in the 'select' query parameter.")));
  }

  /** PGRST118: ordering by a column of an embed that is not to-one. */
  static PlanException relatedOrder(String from, String target) {
    return fixed(
        "PGRST118",
        400,
        "A related order on '" + target + "' is not possible",
        notToOne(from, target));
  }

  /** PGRST119: spreading an embed that is not to-one. */
  static PlanException spreadNotToOne(String from, String target) {
    return fixed(
        "PGRST119",
        400,
        "A spread operation on '" + target + "' is not possible",
        notToOne(from, target));
  }

  private static String notToOne(String from, String target) {
    return "'"
        + from
        + "' and '"
        + target
        + "' do not form a many-to-one or one-to-one relationship";
  }

  /** PGRST120: an embed can only be filtered with is.null / not.is.null. */
  static PlanException embedFilter(String name) {
    return fixed(
        "PGRST120",
        400,
        "Bad operator on the '" + name + "' embedded resource",
        "Only is null or not is null filters are allowed on embedded resources");
  }

  /** PGRST123: aggregates are off ({@code api.aggregates}). */
  static PlanException aggregatesDisabled() {
    return fixed("PGRST123", 400, "Use of aggregate functions is not allowed", null);
  }

  /** PGRST127: a feature the API does not provide. */
  static PlanException notImplemented(String detail) {
    return fixed("PGRST127", 400, "Feature not implemented", detail);
  }

  /** PGRST100: a cast the API does not let reach SQL. */
  static PlanException invalidCast(String type) {
    return fail(
        new PlanError.Request(
            new ApiRequestError.QueryParamError(
                "Invalid cast type '" + type + "'",
                Optional.of(
                    "A cast is one type name (letters, digits, _ and $) or a multi-word"
                        + " built-in type such as 'double precision'"),
                Optional.of("Cast to a single-word type name, e.g. ::text or ::numeric"))));
  }

  /** PGRST107: nothing producible matches Accept. */
  static PlanException notAcceptable(List<String> requested) {
    return fail(new PlanError.Request(new ApiRequestError.NotAcceptable(requested)));
  }
}
