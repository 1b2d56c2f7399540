package dev.tusk.rest.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A function in an exposed schema. Overloads share a {@link #name()}; the cache keeps them all and
 * {@link SchemaCache#findRoutine} picks one by the argument names a call supplies.
 *
 * @param params every parameter in declaration order, outputs included
 * @param variadic whether the last input parameter is {@code VARIADIC}
 */
public record Routine(
    QualifiedName name,
    List<RoutineParam> params,
    RoutineReturn returns,
    Volatility volatility,
    boolean variadic,
    Optional<String> description) {

  public Routine {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
    Objects.requireNonNull(returns, "returns");
    Objects.requireNonNull(volatility, "volatility");
    Objects.requireNonNull(description, "description");
  }

  /** The parameters a caller passes (IN, INOUT, VARIADIC), in order. */
  public List<RoutineParam> inputs() {
    return params.stream().filter(p -> p.mode().isInput()).toList();
  }

  /** The result columns declared as OUT, INOUT or TABLE parameters, in order. */
  public List<RoutineParam> outputs() {
    return params.stream().filter(p -> p.mode().isOutput()).toList();
  }

  /** {@code schema.name(a => integer, b => text)}: how messages name one overload. */
  public String signature() {
    return name
        + inputs().stream()
            .map(p -> p.name().isEmpty() ? p.type() : p.name() + " => " + p.type())
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
