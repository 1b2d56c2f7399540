package dev.tusk.rest.request;

/**
 * Carries an {@link ApiRequestError} out of the parser. It is the only exception {@link
 * ApiRequest#parse} throws, whatever the input; the HTTP layer turns it into a response with {@link
 * ErrorJson}. It records no stack trace: hostile clients can provoke it cheaply and often, and the
 * error value says everything there is to say.
 */
public final class ApiRequestException extends RuntimeException {

  private final transient ApiRequestError error;

  public ApiRequestException(ApiRequestError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  public ApiRequestError error() {
    return error;
  }
}
