package dev.tusk.rest.schema;

import java.util.Optional;

/**
 * PGRST204: a write's {@code columns} (or payload) names a column the table lacks. 400. The hint,
 * when a column name is close, is Tusk's addition (PostgREST sends none).
 */
public record ColumnNotFound(QualifiedName table, String column, Optional<String> suggestion)
    implements SchemaError {

  @Override
  public String code() {
    return "PGRST204";
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String message() {
    return "Could not find the '"
        + column
        + "' column of '"
        + table.name()
        + "' in the schema cache";
  }

  @Override
  public Optional<Details> details() {
    return Optional.empty();
  }

  @Override
  public Optional<String> hint() {
    return suggestion.map(s -> "Perhaps you meant the '" + s + "' column");
  }
}
