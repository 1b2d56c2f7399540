package dev.tusk.engine.admin;

import dev.tusk.core.metrics.PromText;
import dev.tusk.core.metrics.PromText.Type;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Server metrics under postgres_exporter's names, so existing dashboards and alert rules keep
 * working: {@code pg_up}, {@code pg_stat_database_*}, {@code pg_database_size_bytes}, {@code
 * pg_settings_max_connections}, {@code pg_stat_activity_count} and {@code
 * pg_stat_activity_max_tx_duration}.
 */
public final class PostgresMetrics {

  private static final List<String[]> DATABASE_COUNTERS =
      List.of(
          new String[] {
            "xact_commit", "Number of transactions in this database that have been committed"
          },
          new String[] {
            "xact_rollback", "Number of transactions in this database that have been rolled back"
          },
          new String[] {"blks_read", "Number of disk blocks read in this database"},
          new String[] {
            "blks_hit", "Number of times disk blocks were found already in the buffer cache"
          },
          new String[] {"tup_returned", "Number of rows returned by queries in this database"},
          new String[] {"tup_fetched", "Number of rows fetched by queries in this database"},
          new String[] {"tup_inserted", "Number of rows inserted by queries in this database"},
          new String[] {"tup_updated", "Number of rows updated by queries in this database"},
          new String[] {"tup_deleted", "Number of rows deleted by queries in this database"},
          new String[] {"conflicts", "Number of queries canceled due to conflicts with recovery"},
          new String[] {"temp_files", "Number of temporary files created by queries"},
          new String[] {"temp_bytes", "Total amount of data written to temporary files by queries"},
          new String[] {"deadlocks", "Number of deadlocks detected in this database"});

  private PostgresMetrics() {}

  /** Appends every server metric; on failure only {@code pg_up 0} is written. */
  public static void write(PromText out, ConnectionSource source) {
    out.family("pg_up", Type.GAUGE, "Whether the last scrape was able to connect to the server");
    try (Connection c = source.open()) {
      PromText body = new PromText();
      collect(c, body);
      out.sample("pg_up", 1);
      out.append(body);
    } catch (SQLException e) {
      out.sample("pg_up", 0);
    }
  }

  static void collect(Connection c, PromText out) throws SQLException {
    try (Statement s = c.createStatement()) {
      // Each family's samples must follow its HELP and TYPE lines, so rows are read first and
      // written family by family.
      List<String[]> labels = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT datid::text, datname, numbackends, xact_commit, xact_rollback, blks_read,"
                  + " blks_hit, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted,"
                  + " conflicts, temp_files, temp_bytes, deadlocks FROM pg_stat_database"
                  + " WHERE datname IS NOT NULL ORDER BY datname")) {
        while (rs.next()) {
          labels.add(new String[] {"datid", rs.getString(1), "datname", rs.getString(2)});
          double[] v = new double[1 + DATABASE_COUNTERS.size()];
          for (int i = 0; i < v.length; i++) {
            v[i] = rs.getDouble(3 + i);
          }
          values.add(v);
        }
      }
      out.family(
          "pg_stat_database_numbackends",
          Type.GAUGE,
          "Number of backends currently connected to this database");
      for (int r = 0; r < labels.size(); r++) {
        out.sample("pg_stat_database_numbackends", values.get(r)[0], labels.get(r));
      }
      for (int i = 0; i < DATABASE_COUNTERS.size(); i++) {
        String name = "pg_stat_database_" + DATABASE_COUNTERS.get(i)[0];
        out.family(name, Type.COUNTER, DATABASE_COUNTERS.get(i)[1]);
        for (int r = 0; r < labels.size(); r++) {
          out.sample(name, values.get(r)[1 + i], labels.get(r));
        }
      }
      out.family("pg_database_size_bytes", Type.GAUGE, "Disk space used by the database");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT datname, pg_database_size(oid) FROM pg_database"
                  + " WHERE datallowconn ORDER BY datname")) {
        while (rs.next()) {
          out.sample("pg_database_size_bytes", rs.getDouble(2), "datname", rs.getString(1));
        }
      }
      out.family(
          "pg_settings_max_connections",
          Type.GAUGE,
          "Sets the maximum number of concurrent connections.");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT setting::float8 FROM pg_settings WHERE name = 'max_connections'")) {
        rs.next();
        out.sample("pg_settings_max_connections", rs.getDouble(1));
      }
      List<String[]> activity = new ArrayList<>();
      List<double[]> activityValues = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT d.datname, st.state, count(a.pid),"
                  + " coalesce(max(extract(epoch FROM clock_timestamp() - a.xact_start)), 0)"
                  + " FROM pg_database d CROSS JOIN (VALUES ('active'), ('idle'),"
                  + " ('idle in transaction'), ('idle in transaction (aborted)'),"
                  + " ('fastpath function call'), ('disabled')) st(state)"
                  + " LEFT JOIN pg_stat_activity a ON a.datname = d.datname AND a.state = st.state"
                  + " WHERE d.datallowconn GROUP BY d.datname, st.state ORDER BY 1, 2")) {
        while (rs.next()) {
          activity.add(new String[] {"datname", rs.getString(1), "state", rs.getString(2)});
          activityValues.add(new double[] {rs.getDouble(3), rs.getDouble(4)});
        }
      }
      out.family("pg_stat_activity_count", Type.GAUGE, "number of connections in this state");
      for (int r = 0; r < activity.size(); r++) {
        out.sample("pg_stat_activity_count", activityValues.get(r)[0], activity.get(r));
      }
      out.family(
          "pg_stat_activity_max_tx_duration",
          Type.GAUGE,
          "max duration in seconds any active transaction has been running");
      for (int r = 0; r < activity.size(); r++) {
        out.sample("pg_stat_activity_max_tx_duration", activityValues.get(r)[1], activity.get(r));
      }
      out.family(
          "pg_postmaster_start_time_seconds", Type.GAUGE, "Time at which postmaster started");
      try (ResultSet rs = s.executeQuery("SELECT extract(epoch FROM pg_postmaster_start_time())")) {
        rs.next();
        out.sample("pg_postmaster_start_time_seconds", rs.getDouble(1));
      }
    }
  }

  /** Opens a connection for one scrape. */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }
}
