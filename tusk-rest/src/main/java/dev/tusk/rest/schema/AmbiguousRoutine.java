package dev.tusk.rest.schema;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** PGRST203: several overloads take the call's arguments equally well. 300. */
public record AmbiguousRoutine(QualifiedName function, List<Routine> candidates)
    implements SchemaError {

  public AmbiguousRoutine {
    candidates = List.copyOf(candidates);
  }

  @Override
  public String code() {
    return "PGRST203";
  }

  @Override
  public int status() {
    return 300;
  }

  @Override
  public String message() {
    return "Could not choose the best candidate function between: "
        + candidates.stream().map(Routine::signature).collect(Collectors.joining(", "));
  }

  @Override
  public Optional<Details> details() {
    return Optional.empty();
  }

  @Override
  public Optional<String> hint() {
    return Optional.of(
        "Try renaming the parameters or the function itself in the database so function"
            + " overloading can be resolved");
  }
}
