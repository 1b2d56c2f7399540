package dev.tusk.rest.plan;

/**
 * Carries a {@link PlanError} out of the planner. No stack trace: clients provoke it cheaply and
 * the error says everything.
 */
public final class PlanException extends RuntimeException {

  private final transient PlanError error;

  public PlanException(PlanError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  public PlanError error() {
    return error;
  }
}
