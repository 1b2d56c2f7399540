package dev.tusk.rest.schema;

import java.util.Optional;

/** PGRST205: the path names no table or view of the schema. 404. */
public record TableNotFound(QualifiedName table, Optional<QualifiedName> suggestion)
    implements SchemaError {

  @Override
  public String code() {
    return "PGRST205";
  }

  @Override
  public int status() {
    return 404;
  }

  @Override
  public String message() {
    return "Could not find the table '" + table + "' in the schema cache";
  }

  @Override
  public Optional<Details> details() {
    return Optional.empty();
  }

  @Override
  public Optional<String> hint() {
    return suggestion.map(s -> "Perhaps you meant the table '" + s + "'");
  }
}
