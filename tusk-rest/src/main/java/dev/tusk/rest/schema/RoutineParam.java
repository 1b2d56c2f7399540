package dev.tusk.rest.schema;

import java.util.Objects;

/**
 * One parameter of a function.
 *
 * @param name empty for an unnamed parameter
 * @param type as {@code format_type} prints it; a variadic parameter's type is its array type
 * @param hasDefault whether a call may leave it out
 */
public record RoutineParam(String name, String type, ParamMode mode, boolean hasDefault) {

  public RoutineParam {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mode, "mode");
  }

  public static RoutineParam in(String name, String type) {
    return new RoutineParam(name, type, ParamMode.IN, false);
  }
}
