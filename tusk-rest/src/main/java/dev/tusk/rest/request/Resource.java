package dev.tusk.rest.request;

/** What the path names: {@code /}, {@code /name} or {@code /rpc/name}. Names are verbatim. */
public sealed interface Resource {

  /** {@code /}: the schema itself (OpenAPI). */
  record Root() implements Resource {}

  /** {@code /name}: a table or view. */
  record Relation(String name) implements Resource {}

  /** {@code /rpc/name}: a function. */
  record Routine(String name) implements Resource {}
}
