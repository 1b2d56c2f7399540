package dev.tusk.core.error;

import java.util.Optional;

/**
 * The one error model. Every failure a user can see is one of these: a stable code, a message that
 * names what was wrong, optional details, and a hint that says what to do. The subclass decides the
 * process exit code (2 for bad usage or config, 1 for a failed operation), so the CLI never
 * guesses.
 */
public abstract sealed class TuskException extends RuntimeException
    permits ConfigException, OperationException {

  private final String code;
  private final String detail;
  private final String hint;

  protected TuskException(
      String code, String message, String detail, String hint, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.detail = detail;
    this.hint = hint;
  }

  /** A stable, greppable identifier such as {@code config.unknown_key}. */
  public String code() {
    return code;
  }

  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** The process exit code: 2 bad usage or config, 1 the operation failed. */
  public abstract int exitCode();
}
