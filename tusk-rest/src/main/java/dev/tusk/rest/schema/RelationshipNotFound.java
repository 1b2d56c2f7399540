package dev.tusk.rest.schema;

import java.util.Optional;

/**
 * PGRST200: no relationship leads from {@code from} to the embedded name (with the hint, if the
 * request gave one). 400. {@code suggestion} is the hint sentence chosen when the error was built
 * (a close name for the target or for the origin).
 */
public record RelationshipNotFound(
    QualifiedName from, String target, Optional<String> embedHint, Optional<String> suggestion)
    implements SchemaError {

  static final String RELOAD_HINT =
      "If a new relationship was created, try reloading the schema cache.";

  @Override
  public String code() {
    return "PGRST200";
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String message() {
    return "Could not find a relationship between '"
        + from.name()
        + "' and '"
        + target
        + "' in the schema cache";
  }

  @Override
  public Optional<Details> details() {
    return Optional.of(
        new Details.Text(
            "Searched for a foreign key relationship between '"
                + from.name()
                + "' and '"
                + target
                + embedHint.map(h -> "' using the hint '" + h).orElse("")
                + "' in the schema '"
                + from.schema()
                + "', but no matches were found."));
  }

  @Override
  public Optional<String> hint() {
    return Optional.of(suggestion.orElse(RELOAD_HINT));
  }
}
