package dev.tusk.rest.tx;

import dev.tusk.core.config.TxEnd;
import dev.tusk.rest.query.QueryPlan;
import dev.tusk.rest.query.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The only stage that touches the database. Per request, on one pooled connection: begin (READ ONLY
 * for reads), one statement that sets the role and every request setting (the claims also one
 * setting per top-level claim, {@code request.jwt.claim.<name>}, which the platform's RLS policies
 * read; the time zone of {@code Prefer: timezone}), the pre-request function, the main statement,
 * then commit or roll back as {@code api.tx_end} and {@code Prefer: tx} decide.
 */
public final class RequestTransaction {

  /**
   * All request settings in one round trip and one prepared statement. {@code json_each_text}
   * yields a string claim's text and any other claim's JSON, as PostgREST's per-claim settings.
   */
  static final String SETTINGS =
      "SELECT set_config('role', ?, true), set_config('request.jwt.claims', ?, true),"
          + " set_config('request.method', ?, true), set_config('request.path', ?, true),"
          + " set_config('request.headers', ?, true), set_config('request.cookies', ?, true),"
          + " set_config('search_path', ?, true),"
          + " (SELECT count(set_config('request.jwt.claim.' || c.key, c.value, true))"
          + " FROM json_each_text(?::json) c)";

  /**
   * {@link #SETTINGS} and {@code Prefer: timezone}: a second prepared statement rather than a
   * setting every request re-sets to its own value.
   */
  static final String SETTINGS_WITH_TIMEZONE = SETTINGS + ", set_config('timezone', ?, true)";

  private final ConnectionPool pool;
  private final Optional<String> preRequestSql;
  private final TxEnd txEnd;

  /** {@code preRequest} is a quoted, qualified function name, e.g. {@code "api"."check"}. */
  public RequestTransaction(ConnectionPool pool, Optional<String> preRequest, TxEnd txEnd) {
    this.pool = pool;
    this.preRequestSql = preRequest.map(fn -> "SELECT " + fn + "()");
    this.txEnd = txEnd;
  }

  public TxResult run(RequestContext ctx, QueryPlan plan) throws DbError {
    Connection c;
    try {
      c = pool.acquire();
    } catch (PoolTimeoutException e) {
      throw new DbError(
          "PGRST003",
          504,
          "Timed out acquiring connection from connection pool.",
          e.getMessage(),
          null);
    } catch (SQLException e) {
      throw new DbError(
          "PGRST000", 503, "Database client error. Retrying the connection.", e.getMessage(), null);
    }
    boolean broken = false;
    try {
      c.setReadOnly(plan.readOnly());
      applySettings(c, ctx, plan.timezone());
      if (preRequestSql.isPresent()) {
        try (PreparedStatement ps = c.prepareStatement(preRequestSql.get())) {
          ps.execute();
        }
      }
      OptionalLong estimate = OptionalLong.empty();
      if (plan.estimatedCount().isPresent()) {
        estimate = OptionalLong.of(single(c, plan.estimatedCount().get()));
      }
      TxResult result =
          plan.shape().media() instanceof dev.tusk.rest.request.MediaType.Plan
              ? explain(c, plan.main())
              : main(c, plan.main(), estimate);
      // Checked before commit, so a write that breaks them is rolled back, as in PostgREST.
      long rows = result.pageTotal();
      if (plan.shape().singular() && rows != 1) {
        c.rollback();
        throw new DbError(
            "PGRST116",
            406,
            "Cannot coerce the result to a single JSON object",
            "The result contains " + rows + " rows",
            null);
      }
      if (plan.shape().maxAffected().isPresent() && rows > plan.shape().maxAffected().getAsLong()) {
        c.rollback();
        throw new DbError(
            "PGRST124",
            400,
            "Query result exceeds max-affected preference constraint",
            "The query affects " + rows + " rows",
            null);
      }
      boolean commit = ctx.txOverride().orElse(txEnd.commitsByDefault());
      if (commit) {
        c.commit();
      } else {
        c.rollback();
      }
      return new TxResult(
          result.total(),
          result.pageTotal(),
          result.body(),
          result.location(),
          result.responseHeaders(),
          result.responseStatus(),
          result.estimatedTotal(),
          commit,
          result.inserted());
    } catch (SQLException e) {
      broken = isConnectionFailure(e);
      rollbackQuietly(c);
      throw translate(e, ctx.authenticated());
    } finally {
      pool.release(c, broken);
    }
  }

  private static void applySettings(Connection c, RequestContext ctx, Optional<String> timezone)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(timezone.isPresent() ? SETTINGS_WITH_TIMEZONE : SETTINGS)) {
      ps.setString(1, ctx.role());
      ps.setString(2, ctx.claimsJson());
      ps.setString(3, ctx.method());
      ps.setString(4, ctx.path());
      ps.setString(5, ctx.headersJson());
      ps.setString(6, ctx.cookiesJson());
      ps.setString(7, quoteIdent(ctx.schema()) + ", public");
      ps.setString(8, ctx.claimsJson());
      if (timezone.isPresent()) {
        ps.setString(9, timezone.get());
      }
      ps.executeQuery().close();
    }
  }

  private static TxResult main(Connection c, SqlStatement main, OptionalLong estimate)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(main.sql())) {
      bind(ps, main);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("the main statement returned no row", "XX000");
        }
        long total = rs.getLong(1);
        OptionalLong totalOpt = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(total);
        long inserted = rs.getLong(7);
        OptionalLong insertedOpt = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(inserted);
        return new TxResult(
            totalOpt,
            rs.getLong(2),
            Optional.ofNullable(rs.getString(3)),
            Optional.ofNullable(rs.getString(4)),
            Optional.ofNullable(rs.getString(5)).filter(s -> !s.isEmpty()),
            Optional.ofNullable(rs.getString(6)).filter(s -> !s.isEmpty()),
            estimate,
            false,
            insertedOpt);
      }
    }
  }

  /**
   * The estimated count: a bigint, or the JSON of {@code EXPLAIN (FORMAT JSON)}, whose top plan
   * node's {@code Plan Rows} is the planner's estimate.
   */
  private static long single(Connection c, SqlStatement s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(s.sql())) {
      bind(ps, s);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return 0;
        }
        String v = rs.getString(1);
        if (v == null) {
          return 0;
        }
        if (v.stripLeading().startsWith("[")) {
          try {
            return Json.MAPPER.readTree(v).path(0).path("Plan").path("Plan Rows").asLong();
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("unreadable EXPLAIN output for the estimated count", "XX000", e);
          }
        }
        return Long.parseLong(v.strip());
      }
    }
  }

  /**
   * {@code Accept: application/vnd.pgrst.plan}: the main statement is an EXPLAIN; its rows are the
   * body.
   */
  private static TxResult explain(Connection c, SqlStatement s) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(s.sql())) {
      bind(ps, s);
      StringBuilder body = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!body.isEmpty()) {
            body.append('\n');
          }
          body.append(rs.getString(1));
        }
      }
      return new TxResult(
          OptionalLong.empty(),
          1,
          Optional.of(body.toString()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          OptionalLong.empty(),
          false,
          OptionalLong.empty());
    }
  }

  private static void bind(PreparedStatement ps, SqlStatement s) throws SQLException {
    for (int i = 0; i < s.params().size(); i++) {
      ps.setString(i + 1, s.params().get(i));
    }
  }

  static String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || state.startsWith("57P");
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the connection is discarded when broken
    }
  }

  /** PostgreSQL's error as PostgREST shows it; the role setting's failures get auth statuses. */
  static DbError translate(SQLException e, boolean authenticated) {
    String state = e.getSQLState();
    String message = e.getMessage();
    String detail = null;
    String hint = null;
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      message = m.getMessage();
      detail = m.getDetail();
      hint = m.getHint();
    }
    if (state == null) {
      return new DbError("PGRST000", 503, "Database client error.", message, null);
    }
    int status = SqlStateStatus.of(state, authenticated);
    if (state.equals("22023") && message != null && message.startsWith("role ")) {
      status = 401; // a token naming a role that does not exist
    }
    if (state.startsWith("PT")) {
      // RAISE SQLSTATE 'PT404': the status comes from the code, the body keeps it.
      return new DbError(state, status, message, detail, hint);
    }
    return new DbError(state, status, message, detail, hint);
  }
}
