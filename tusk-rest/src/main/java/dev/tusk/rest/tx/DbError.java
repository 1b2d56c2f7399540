package dev.tusk.rest.tx;

import java.util.Optional;

/**
 * A failed request transaction, as PostgREST reports it: the SQLSTATE (or PGRST code), message,
 * details and hint from PostgreSQL, and the HTTP status from {@link SqlStateStatus}.
 */
public final class DbError extends Exception {

  private final String code;
  private final int status;
  private final String details;
  private final String hint;

  public DbError(String code, int status, String message, String details, String hint) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
    this.details = details;
    this.hint = hint;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public Optional<String> details() {
    return Optional.ofNullable(details);
  }

  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
