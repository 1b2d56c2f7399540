package dev.tusk.rest.request;

import java.util.List;

/**
 * A column reference as written in the URL: a name, verbatim (quoting for SQL happens in the SQL
 * stage), and an optional JSON path such as {@code data->a->>b}. The name {@code *} stands for all
 * columns where the grammar allows it.
 */
public record Field(String name, List<JsonStep> jsonPath) {

  public Field {
    jsonPath = List.copyOf(jsonPath);
  }

  public static Field of(String name) {
    return new Field(name, List.of());
  }

  public boolean hasJsonPath() {
    return !jsonPath.isEmpty();
  }
}
