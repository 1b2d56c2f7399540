package dev.tusk.core.config;

import java.util.List;

/**
 * The raw values of an API configuration, one {@link Scalar} per key, before conversion. Two
 * sources fill it: tusk.yaml's {@code api} section ({@link ApiSection}) and a PostgREST config file
 * with {@code PGRST_*} variables ({@link PostgrestConfig}). Each scalar carries its own key name
 * and origin, so {@link ApiRules} reports an error in the words of the source it came from ({@code
 * api.max_rows at tusk.yaml:9:13} or {@code db-max-rows from environment variable
 * PGRST_DB_MAX_ROWS}).
 */
record ApiInput(
    Scalar enabled,
    Scalar listen,
    Scalar port,
    Scalar database,
    Scalar user,
    Scalar password,
    Scalar dbUri,
    List<Scalar> schemas,
    Scalar anonRole,
    Jwt jwt,
    Scalar maxRows,
    Scalar preRequest,
    Scalar txEnd,
    Scalar aggregates,
    Scalar maxBodyBytes,
    Scalar planEnabled,
    Scalar poolSize,
    List<Scalar> corsOrigins,
    Scalar serverTiming) {

  record Jwt(
      Scalar secret,
      Scalar secretIsBase64,
      Scalar jwksFile,
      Scalar jwksUrl,
      Scalar audience,
      Scalar roleClaimKey,
      Scalar cookie,
      Scalar clockSkewSeconds) {}
}
