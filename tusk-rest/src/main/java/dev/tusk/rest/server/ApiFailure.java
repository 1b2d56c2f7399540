package dev.tusk.rest.server;

/** Carries an {@link ApiProblem} out of a stage. */
public final class ApiFailure extends Exception {

  private final transient ApiProblem problem;

  public ApiFailure(ApiProblem problem) {
    super(problem.message(), null, false, false);
    this.problem = problem;
  }

  public ApiProblem problem() {
    return problem;
  }
}
