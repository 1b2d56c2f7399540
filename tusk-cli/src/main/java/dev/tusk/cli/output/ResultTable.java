package dev.tusk.cli.output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one SQL statement, as text: what the renderers format. Deliberately free of JDBC
 * types so formatting is tested without a database ({@link ResultSetReader} is the one adapter).
 *
 * <p>{@code rows} holds one list per row, one string per column, {@code null} for SQL NULL. {@code
 * commandTag} is PostgreSQL's completion tag ({@code SELECT 3}, {@code INSERT 0 1}, {@code CREATE
 * TABLE}). A statement that returned no result set is a table with no columns and no rows (see
 * {@link #command}); a result set with zero columns and zero rows ({@code SELECT WHERE false}) is
 * indistinguishable from it and is shown by its tag too.
 */
public record ResultTable(
    List<String> columns, List<ColumnKind> kinds, List<List<String>> rows, String commandTag) {

  public ResultTable {
    columns = List.copyOf(columns);
    kinds = List.copyOf(kinds);
    Objects.requireNonNull(commandTag, "commandTag");
    if (kinds.size() != columns.size()) {
      throw new IllegalArgumentException(
          "kinds has " + kinds.size() + " entries for " + columns.size() + " columns");
    }
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "row "
                + (copy.size() + 1)
                + " has "
                + row.size()
                + " values for "
                + columns.size()
                + " columns");
      }
      // Not List.copyOf: SQL NULL is a null element.
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** A result set whose columns are all {@link ColumnKind#TEXT}. */
  public ResultTable(List<String> columns, List<List<String>> rows, String commandTag) {
    this(columns, Collections.nCopies(columns.size(), ColumnKind.TEXT), rows, commandTag);
  }

  /** A statement without a result set, such as {@code CREATE TABLE} or {@code INSERT 0 1}. */
  public static ResultTable command(String commandTag) {
    return new ResultTable(List.of(), List.of(), List.of(), commandTag);
  }

  /** False for a statement that returned only a command tag. */
  public boolean hasResultSet() {
    return !columns.isEmpty() || !rows.isEmpty();
  }
}
