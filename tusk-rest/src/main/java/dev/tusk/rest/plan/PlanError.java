package dev.tusk.rest.plan;

import dev.tusk.rest.request.ApiRequestError;
import dev.tusk.rest.schema.SchemaError;
import java.util.Optional;

/**
 * Everything planning can refuse, as values with PostgREST's codes, statuses and messages. Lookups
 * in the schema cache keep their own {@link SchemaError}s and request-level problems found only now
 * (no acceptable media type, a bad cast) their {@link ApiRequestError}s; {@code details} is the
 * schema package's model, text or (for ambiguous embeds) a list of candidates.
 */
public sealed interface PlanError {

  String code();

  int status();

  String message();

  default Optional<SchemaError.Details> details() {
    return Optional.empty();
  }

  default Optional<String> hint() {
    return Optional.empty();
  }

  /** PGRST2xx from the schema cache. */
  record Lookup(SchemaError error) implements PlanError {
    @Override
    public String code() {
      return error.code();
    }

    @Override
    public int status() {
      return error.status();
    }

    @Override
    public String message() {
      return error.message();
    }

    @Override
    public Optional<SchemaError.Details> details() {
      return error.details();
    }

    @Override
    public Optional<String> hint() {
      return error.hint();
    }
  }

  /** A PGRST1xx request error (e.g. PGRST107, PGRST100) that only planning could detect. */
  record Request(ApiRequestError error) implements PlanError {
    @Override
    public String code() {
      return error.code();
    }

    @Override
    public int status() {
      return error.status();
    }

    @Override
    public String message() {
      return error.message();
    }

    @Override
    public Optional<SchemaError.Details> details() {
      return error.details().map(SchemaError.Details.Text::new);
    }

    @Override
    public Optional<String> hint() {
      return error.hint();
    }
  }

  /** One of PostgREST's fixed-text errors, see {@link PlanErrors} for each. */
  record Fixed(
      String code, int status, String message, Optional<String> detail, Optional<String> hint)
      implements PlanError {
    @Override
    public Optional<SchemaError.Details> details() {
      return detail.map(SchemaError.Details.Text::new);
    }
  }
}
