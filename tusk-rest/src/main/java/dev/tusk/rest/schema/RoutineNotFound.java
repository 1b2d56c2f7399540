package dev.tusk.rest.schema;

import java.util.List;
import java.util.Optional;

/**
 * PGRST202: no function of that name takes those arguments. 404. {@code suggestion} is the hint
 * sentence chosen when the error was built (an overload's parameters, or a close function name).
 */
public record RoutineNotFound(
    QualifiedName function,
    List<String> argumentKeys,
    RpcPayload payload,
    Optional<String> suggestion)
    implements SchemaError {

  static final String RELOAD_HINT =
      "If a new function was created in the database with this name and parameters, try reloading"
          + " the schema cache.";

  public RoutineNotFound {
    argumentKeys = List.copyOf(argumentKeys);
  }

  @Override
  public String code() {
    return "PGRST202";
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String message() {
    String params =
        switch (payload) {
          case TEXT, XML, BINARY -> "";
          case QUERY, JSON ->
              argumentKeys.isEmpty()
                  ? " without parameters"
                  : "(" + String.join(", ", argumentKeys) + ")";
        };
    return "Could not find the function " + function + params + " in the schema cache";
  }

  @Override
  public Optional<Details> details() {
    String named =
        argumentKeys.isEmpty()
            ? " without parameters"
            : " with parameter"
                + (argumentKeys.size() > 1 ? "s " : " ")
                + String.join(", ", argumentKeys);
    String searched =
        switch (payload) {
          case QUERY -> named;
          case JSON -> named + " or with a single unnamed json/jsonb parameter";
          case TEXT -> " with a single unnamed text parameter";
          case XML -> " with a single unnamed xml parameter";
          case BINARY -> " with a single unnamed bytea parameter";
        };
    return Optional.of(
        new Details.Text(
            "Searched for the function "
                + function
                + searched
                + ", but no matches were found in the schema cache."));
  }

  @Override
  public Optional<String> hint() {
    return Optional.of(suggestion.orElse(RELOAD_HINT));
  }
}
