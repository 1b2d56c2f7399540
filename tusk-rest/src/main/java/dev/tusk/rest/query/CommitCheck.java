package dev.tusk.rest.query;

import java.util.Optional;

/**
 * What the transaction stage checks on {@code page_total} before it commits a write or a call: rows
 * affected beyond {@code max-affected} (PGRST124) and, for the singular media type, anything but
 * exactly one row (PGRST116). Either means roll back and answer with the violation, so no partial
 * effect is ever committed. Reads are the response stage's concern (nothing to undo).
 */
public final class CommitCheck {

  /** The error to answer with, PostgREST's code, status and text. */
  public record Violation(String code, int status, String message, String details) {}

  private CommitCheck() {}

  public static Optional<Violation> check(ResponseShape shape, long pageTotal) {
    if (shape.kind() == ResponseKind.READ) {
      return Optional.empty();
    }
    if (shape.maxAffected().isPresent() && pageTotal > shape.maxAffected().getAsLong()) {
      return Optional.of(
          new Violation(
              "PGRST124",
              400,
              "Query result exceeds max-affected preference constraint",
              "The query affects " + pageTotal + " rows"));
    }
    if (shape.singular() && pageTotal != 1) {
      return Optional.of(
          new Violation(
              "PGRST116",
              406,
              "JSON object requested, multiple (or no) rows returned",
              "The result contains " + pageTotal + " rows"));
    }
    return Optional.empty();
  }
}
