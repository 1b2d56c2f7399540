package dev.tusk.core.config;

import java.util.List;
import java.util.Optional;

/**
 * {@code api}: the PostgREST-compatible REST API. It connects either to the managed server ({@code
 * database}, {@code user}, {@code password}) or to any PostgreSQL ({@code dbUri}), always as a
 * non-superuser login role that switches into the request's role.
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
