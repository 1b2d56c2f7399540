package dev.tusk.migrate.lint;

import dev.tusk.core.error.OperationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Table sizes from the catalog of a live database: {@code pg_class.reltuples}, the planner's row
 * estimate kept by ANALYZE, VACUUM and CREATE INDEX. It costs nothing to read and does not scan the
 * table. A table never analyzed has no estimate ({@code -1}); its bytes on disk are reported
 * instead so that a large unanalyzed table still counts. A partitioned table is the sum of its leaf
 * partitions. The caller owns the connection.
 */
public final class DatabaseTableSizes implements TableSizes {

  private static final String QUERY =
      """
      SELECT coalesce(sum(c.reltuples) FILTER (WHERE c.reltuples >= 0), 0)::bigint,
             coalesce(sum(pg_catalog.pg_relation_size(c.oid)) FILTER (WHERE c.reltuples < 0), 0)
      FROM pg_catalog.pg_class t
      JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL (
        SELECT t.oid AS relid WHERE t.relkind <> 'p'
        UNION ALL
        SELECT relid FROM pg_catalog.pg_partition_tree(t.oid) WHERE t.relkind = 'p' AND isleaf
      ) p
      JOIN pg_catalog.pg_class c ON c.oid = p.relid
      WHERE n.nspname = ? AND t.relname = ? AND t.relkind IN ('r', 'p', 'm')
      GROUP BY t.oid
      """;

  private final Connection connection;
  private final Map<ObjectName, TableSize> cache = new HashMap<>();

  public DatabaseTableSizes(Connection connection) {
    this.connection = connection;
  }

  @Override
  public TableSize of(String schema, String table) {
    return cache.computeIfAbsent(new ObjectName(schema, table), this::query);
  }

  @Override
  public boolean connected() {
    return true;
  }

  private TableSize query(ObjectName name) {
    try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
      ps.setString(1, name.schema());
      ps.setString(2, name.name());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? new TableSize.Measured(rs.getLong(1), rs.getLong(2))
            : new TableSize.Absent();
      }
    } catch (SQLException e) {
      throw new OperationException(
          "migrate.lint_sizes_failed",
          "could not read the size of table " + name + ": " + e.getMessage(),
          "check the connection, or run tusk migrate lint --offline",
          e);
    }
  }
}
