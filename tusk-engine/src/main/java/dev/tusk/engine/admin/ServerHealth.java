package dev.tusk.engine.admin;

import dev.tusk.engine.supervise.ServerState;
import dev.tusk.engine.supervise.Supervisor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@link Health} for a managed server: ready means the supervisor's probe succeeded and bootstrap
 * finished; /status adds what a person asks first (version, uptime, size, connections).
 */
public final class ServerHealth implements Health {

  private final String cluster;
  private final Supervisor supervisor;
  private final PostgresMetrics.ConnectionSource source;
  private final Clock clock;
  private final Instant started;
  private final AtomicReference<String> bootstrap = new AtomicReference<>("pending");
  private final Map<String, Supplier<String>> extra = new ConcurrentSkipListMap<>();

  public ServerHealth(
      String cluster, Supervisor supervisor, PostgresMetrics.ConnectionSource source, Clock clock) {
    this.cluster = cluster;
    this.supervisor = supervisor;
    this.source = source;
    this.clock = clock;
    this.started = clock.instant();
  }

  /** Bootstrap's state: pending, done, or failed: reason. */
  public void bootstrap(String state) {
    bootstrap.set(state);
  }

  /**
   * Adds a component started on top of the server (the REST API): its state is part of /ready and
   * /status, and the platform is ready only while every such component says {@code ready}.
   */
  public void addComponent(String name, Supplier<String> state) {
    extra.put(name, state);
  }

  @Override
  public boolean ready() {
    return supervisor.state() == ServerState.READY
        && bootstrap.get().equals("done")
        && extra.values().stream().allMatch(s -> s.get().equals("ready"));
  }

  @Override
  public Map<String, String> components() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("postgres", supervisor.state().name().toLowerCase(java.util.Locale.ROOT));
    c.put("bootstrap", bootstrap.get());
    c.put("admin", "ready");
    extra.forEach((name, state) -> c.put(name, state.get()));
    return c;
  }

  @Override
  public Map<String, Object> status() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("cluster", cluster);
    s.put("status", ready() ? "healthy" : degradedOrDown());
    s.put("uptime_seconds", Duration.between(started, clock.instant()).toSeconds());
    Map<String, Object> pg = new LinkedHashMap<>();
    pg.put("state", supervisor.state().name().toLowerCase(java.util.Locale.ROOT));
    supervisor.pid().ifPresent(p -> pg.put("pid", p));
    pg.put("restarts", supervisor.restarts());
    supervisor.readySince().ifPresent(t -> pg.put("ready_since", t.toString()));
    if (supervisor.state() == ServerState.READY) {
      try (Connection c = source.open();
          Statement st = c.createStatement()) {
        try (ResultSet rs =
            st.executeQuery(
                "SELECT current_setting('server_version'),"
                    + " (SELECT sum(pg_database_size(oid)) FROM pg_database WHERE datallowconn),"
                    + " current_setting('max_connections')::int")) {
          rs.next();
          pg.put("version", rs.getString(1));
          pg.put("data_size_bytes", rs.getLong(2));
          pg.put("max_connections", rs.getInt(3));
        }
        Map<String, Long> conns = new LinkedHashMap<>();
        try (ResultSet rs =
            st.executeQuery(
                "SELECT coalesce(state, backend_type), count(*) FROM pg_stat_activity"
                    + " GROUP BY 1 ORDER BY 1")) {
          while (rs.next()) {
            conns.put(rs.getString(1), rs.getLong(2));
          }
        }
        pg.put("connections", conns);
      } catch (SQLException e) {
        pg.put("error", e.getMessage());
      }
    }
    s.put("postgres", pg);
    s.put("components", components());
    return s;
  }

  private String degradedOrDown() {
    ServerState st = supervisor.state();
    return st == ServerState.READY || st == ServerState.RESTARTING || st == ServerState.STARTING
        ? "degraded"
        : "down";
  }
}
