package dev.tusk.rest.schema;

/**
 * Carries a {@link SchemaError} out of a lookup for callers that prefer exceptions to {@link
 * Lookup}. No stack trace: a client provokes it cheaply and the error says everything.
 */
public final class SchemaLookupException extends RuntimeException {

  private final transient SchemaError error;

  public SchemaLookupException(SchemaError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  public SchemaError error() {
    return error;
  }
}
