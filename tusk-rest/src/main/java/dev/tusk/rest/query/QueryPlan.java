package dev.tusk.rest.query;

import java.util.Objects;
import java.util.Optional;

/**
 * The Query stage's output, and all the Transaction stage runs besides the per-request settings.
 *
 * <p>{@code main} returns exactly one row with these seven columns, in this order:
 *
 * <ol>
 *   <li>{@code total} bigint, or NULL when no exact count was requested;
 *   <li>{@code page_total} bigint: rows in the body (read) or rows affected (write);
 *   <li>{@code body} text: the response body, already rendered by PostgreSQL (JSON array or object,
 *       CSV, ...), or NULL when the shape asks for no body;
 *   <li>{@code location} text or NULL: for POST with {@code return=headers-only}, the primary-key
 *       filter of the inserted row, e.g. {@code id=eq.42} (the response stage prefixes the path);
 *   <li>{@code response_headers} text or NULL: {@code current_setting('response.headers', true)}
 *       read after the statement's work (select it in the outermost query, over a CTE that does the
 *       work, so a function's {@code set_config} is visible);
 *   <li>{@code response_status} text or NULL: likewise {@code response.status};
 *   <li>{@code inserted} bigint or NULL: for an insert that merges on conflict (PUT, {@code
 *       resolution=merge-duplicates}), how many rows it inserted rather than updated ({@code xmax =
 *       0}), which decides between 201 and 200; NULL for every other statement.
 * </ol>
 *
 * <p>Two exceptions to that shape, which the transaction stage must handle:
 *
 * <ul>
 *   <li>When {@code shape.media()} is a {@link dev.tusk.rest.request.MediaType.Plan}, {@code main}
 *       is {@code EXPLAIN (FORMAT JSON|TEXT, ...) <main>}: its rows are the plan, one text column
 *       (one row holding the document for JSON, one row per line for TEXT). The body is those rows
 *       joined with newlines; there are no totals or GUCs. With {@code options=analyze} the
 *       statement really runs and, as in PostgREST, commits like the write itself would ({@code
 *       Prefer: tx=rollback} where allowed keeps it from committing).
 *   <li>{@code estimatedCount} is {@code EXPLAIN (FORMAT JSON) <count query>}: one row, one json
 *       column; {@link PlanRows#estimate} reads the row estimate from it.
 * </ul>
 *
 * <p>Checks the transaction stage makes on {@code page_total} before it commits, rolling back and
 * failing instead: a write with {@code shape.singular()} must affect exactly one row (PGRST116,
 * 406), and {@code shape.maxAffected()} caps the rows a PATCH, DELETE or RPC may affect (PGRST124,
 * 400, "Query result exceeds max-affected preference constraint", details "The query affects N
 * rows"). A read's PGRST116 needs no rollback and is the response stage's. {@link CommitCheck}
 * computes both.
 *
 * <p>The total of {@code count=estimated} is the exact count when it is at most {@code
 * api.max_rows}, else NULL: then the estimate answers. So the response uses {@code total} when
 * present, else the estimate.
 *
 * @param readOnly run in a READ ONLY transaction (GET and HEAD, and RPC over GET)
 * @param estimatedCount for {@code count=planned|estimated}: an EXPLAIN of the count query, run
 *     before {@code main}
 * @param timezone {@code Prefer: timezone=...} when it names a time zone of the database: the
 *     transaction sets it, locally, with the other request settings
 */
public record QueryPlan(
    SqlStatement main,
    boolean readOnly,
    Optional<SqlStatement> estimatedCount,
    ResponseShape shape,
    Optional<String> timezone) {

  public QueryPlan {
    Objects.requireNonNull(timezone, "timezone");
  }

  /** A plan in the server's time zone. */
  public QueryPlan(
      SqlStatement main,
      boolean readOnly,
      Optional<SqlStatement> estimatedCount,
      ResponseShape shape) {
    this(main, readOnly, estimatedCount, shape, Optional.empty());
  }

  public QueryPlan withTimezone(Optional<String> zone) {
    return new QueryPlan(main, readOnly, estimatedCount, shape, zone);
  }
}
