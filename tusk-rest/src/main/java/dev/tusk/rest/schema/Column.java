package dev.tusk.rest.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One column of a table or view, in the shape the planner and the OpenAPI writer need.
 *
 * @param type the declared type as {@code format_type} prints it ({@code character varying(20)}, a
 *     domain's name, {@code integer[]})
 * @param baseType the type with every domain resolved (equal to {@code type} for non-domains)
 * @param defaultValue the default expression as SQL text, as {@code pg_get_expr} prints it
 * @param isArray whether the base type is an array
 * @param enumValues the labels in sort order when the base type is an enum, else empty
 * @param maxLength the declared length of a {@code varchar(n)} / {@code char(n)} base type
 */
public record Column(
    String name,
    String type,
    String baseType,
    boolean nullable,
    Optional<String> defaultValue,
    Generated generated,
    boolean isArray,
    List<String> enumValues,
    OptionalInt maxLength,
    Optional<String> description) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(baseType, "baseType");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(generated, "generated");
    enumValues = List.copyOf(enumValues);
    Objects.requireNonNull(maxLength, "maxLength");
    Objects.requireNonNull(description, "description");
  }

  /** A plain nullable column of {@code type}: for tests and hand-built caches. */
  public static Column of(String name, String type) {
    return new Column(
        name,
        type,
        type,
        true,
        Optional.empty(),
        Generated.NONE,
        type.endsWith("[]"),
        List.of(),
        OptionalInt.empty(),
        Optional.empty());
  }
}
