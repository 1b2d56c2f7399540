package dev.tusk.rest.query;

import java.util.Optional;

/**
 * The Query stage's output, and all the Transaction stage runs besides the per-request settings.
 *
 * <p>{@code main} returns exactly one row with these columns, in this order:
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
 *   <li>{@code response_status} text or NULL: likewise {@code response.status}.
 * </ol>
 *
 * @param readOnly run in a READ ONLY transaction (GET and HEAD, and RPC over GET)
 * @param estimatedCount for {@code count=planned|estimated}: a statement returning one bigint (the
 *     planner's row estimate) run before {@code main}
 */
public record QueryPlan(
    SqlStatement main,
    boolean readOnly,
    Optional<SqlStatement> estimatedCount,
    ResponseShape shape) {}
