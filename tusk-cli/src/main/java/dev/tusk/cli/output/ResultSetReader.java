package dev.tusk.cli.output;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JDBC result set into a {@link ResultTable}: the one place JDBC meets the formatters.
 * Column names are labels (the {@code AS} alias); kinds come from PostgreSQL's type names; values
 * are {@code getString}, which for pgjdbc is PostgreSQL's own text output, as psql shows it. The
 * whole result is held in memory (streaming comes later).
 */
public final class ResultSetReader {

  private ResultSetReader() {}

  /**
   * Reads the remaining rows of {@code rs} (it does not close it). pgjdbc does not expose the
   * server's command tag, so the tag is {@code SELECT <rows>}, which is what psql shows for a
   * query.
   */
  public static ResultTable read(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int count = meta.getColumnCount();
    List<String> columns = new ArrayList<>(count);
    List<ColumnKind> kinds = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      columns.add(meta.getColumnLabel(i));
      kinds.add(ColumnKind.ofPostgresType(meta.getColumnTypeName(i)));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(count);
      for (int i = 1; i <= count; i++) {
        row.add(rs.getString(i));
      }
      rows.add(row);
    }
    return new ResultTable(columns, kinds, rows, "SELECT " + rows.size());
  }
}
