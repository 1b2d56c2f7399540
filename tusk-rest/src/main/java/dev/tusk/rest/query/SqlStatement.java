package dev.tusk.rest.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One parameterised SQL statement: JDBC {@code ?} placeholders and their values. Every value from a
 * request is a parameter, sent as text of unknown type so PostgreSQL infers the column's type (as
 * for a literal); where inference cannot work the SQL casts ({@code ?::jsonb}). Identifiers never
 * travel as parameters: the query builder quotes them.
 *
 * @param params one per placeholder, in order; {@code null} is SQL NULL
 */
public record SqlStatement(String sql, List<String> params) {

  public SqlStatement {
    Objects.requireNonNull(sql, "sql");
    params = Collections.unmodifiableList(new ArrayList<>(params)); // nulls allowed
  }

  public static SqlStatement of(String sql) {
    return new SqlStatement(sql, List.of());
  }
}
