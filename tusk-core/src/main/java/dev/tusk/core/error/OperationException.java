package dev.tusk.core.error;

/** An operation was attempted and failed (a port taken, a crash loop, a failed query). Exit 1. */
public final class OperationException extends TuskException {

  public OperationException(String code, String message, String hint) {
    super(code, message, null, hint, null);
  }

  public OperationException(String code, String message, String hint, Throwable cause) {
    super(code, message, null, hint, cause);
  }

  public OperationException(
      String code, String message, String detail, String hint, Throwable cause) {
    super(code, message, detail, hint, cause);
  }

  @Override
  public int exitCode() {
    return 1;
  }
}
