package dev.tusk.core.config;

import java.util.List;
import java.util.Optional;

/**
 * {@code api}: the PostgREST-compatible REST API. It connects either to the managed server ({@code
 * database}, {@code user}, {@code password}) or to any PostgreSQL ({@code dbUri}), always as a
 * non-superuser login role that switches into the request's role.
 *
 * <p>With a {@code dbUri} (a libpq URI or key=value string, syntax-checked by the loader), {@code
 * database} and {@code user} are what it names, else libpq's PGDATABASE/PGUSER (the database
 * falling back to the user), for logs and metrics; connect with the URI itself. Without one, {@code
 * password} is the login role's configured password, or empty when the engine generates it (under
 * {@code secrets/}). {@code schemas} is never empty, the first is the default; an empty {@code
 * corsOrigins} allows any origin; {@code preRequest} is {@code function} or {@code
 * schema.function}, split at the first '.', each part a quoted identifier, as PostgREST does.
 */
public record ApiConfig(
    boolean enabled,
    String listen,
    int port,
    String database,
    String user,
    Optional<Secret> password,
    Optional<Secret> dbUri,
    List<String> schemas,
    Optional<String> anonRole,
    JwtConfig jwt,
    Optional<Integer> maxRows,
    Optional<String> preRequest,
    TxEnd txEnd,
    boolean aggregates,
    long maxBodyBytes,
    boolean planEnabled,
    int poolSize,
    List<String> corsOrigins,
    boolean serverTiming) {}
