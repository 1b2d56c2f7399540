package dev.tusk.rest.schema;

import java.util.Objects;

/**
 * The result of a schema-cache lookup: the thing found, or the PostgREST error to answer with. A
 * planner pass switches on it, or calls {@link #orElseThrow()}.
 */
public sealed interface Lookup<T> {

  record Found<T>(T value) implements Lookup<T> {
    public Found {
      Objects.requireNonNull(value, "value");
    }
  }

  record Failed<T>(SchemaError error) implements Lookup<T> {
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }

  /** The value, or a {@link SchemaLookupException} carrying the error. */
  default T orElseThrow() {
    return switch (this) {
      case Found<T> f -> f.value();
      case Failed<T> f -> throw new SchemaLookupException(f.error());
    };
  }

  static <T> Lookup<T> found(T value) {
    return new Found<>(value);
  }

  static <T> Lookup<T> failed(SchemaError error) {
    return new Failed<>(error);
  }
}
