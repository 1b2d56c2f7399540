package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@link ApiInput} into an {@link ApiConfig}: every value converted and range-checked, with
 * no knowledge of where the input came from. Rules that need the rest of tusk.yaml (roles, ports of
 * the other servers) live in {@link ApiSection}; the PostgREST-only ones in {@link
 * PostgrestConfig}.
 *
 * <p>With a {@code db_uri}, the user and database are read out of it, falling back as libpq does to
 * {@code PGUSER} and {@code PGDATABASE}, and for the database to the user name. Unlike libpq, a
 * missing user does not fall back to the operating-system user: the API's login role is worth
 * naming explicitly.
 */
final class ApiRules {

  static final int MAX_POOL_SIZE = 1000;
  static final int MAX_BODY_BYTES = 1024 * 1024 * 1024;

  private ApiRules() {}

  static ApiConfig build(ApiInput in, Map<String, String> env) {
    boolean enabled = Convert.bool(in.enabled());
    String listen = Names.hostAddress(in.listen());
    int port = Convert.integer(in.port(), 1, 65535);
    Optional<Secret> dbUri =
        Convert.secret(in.dbUri(), "is empty; remove the key (or set it to null),");
    String database;
    String user;
    if (dbUri.isPresent()) {
      DbUri.Parts parts = DbUri.parse(in.dbUri(), dbUri.get().value());
      user = parts.user().or(() -> nonEmpty(env.get("PGUSER"))).orElseThrow(() -> noUser(in));
      database = parts.database().or(() -> nonEmpty(env.get("PGDATABASE"))).orElse(user);
    } else {
      database = Names.identifier(in.database(), "a database name");
      user = Names.roleName(in.user());
    }
    Optional<Secret> password = Convert.secret(in.password());
    List<String> schemas = schemas(in.schemas());
    Optional<String> anonRole =
        in.anonRole().isNull() ? Optional.empty() : Optional.of(Names.roleName(in.anonRole()));
    JwtConfig jwt = JwtRules.build(in.jwt());
    Optional<Integer> maxRows =
        in.maxRows().isNull()
            ? Optional.empty()
            : Optional.of(Convert.integer(in.maxRows(), 1, Integer.MAX_VALUE));
    Optional<String> preRequest = ApiValues.function(in.preRequest());
    TxEnd txEnd = ApiValues.txEnd(in.txEnd());
    boolean aggregates = Convert.bool(in.aggregates());
    long maxBodyBytes = Convert.integer(in.maxBodyBytes(), 1, MAX_BODY_BYTES);
    boolean planEnabled = Convert.bool(in.planEnabled());
    int poolSize = Convert.integer(in.poolSize(), 1, MAX_POOL_SIZE);
    Unique originNames = new Unique("origin");
    List<String> origins = new ArrayList<>();
    for (Scalar s : in.corsOrigins()) {
      origins.add(originNames.add(s, ApiValues.origin(s)));
    }
    boolean serverTiming = Convert.bool(in.serverTiming());
    return new ApiConfig(
        enabled,
        listen,
        port,
        database,
        user,
        password,
        dbUri,
        schemas,
        anonRole,
        jwt,
        maxRows,
        preRequest,
        txEnd,
        aggregates,
        maxBodyBytes,
        planEnabled,
        poolSize,
        List.copyOf(origins),
        serverTiming);
  }

  /** The first schema is the default one (PostgREST's Accept-Profile / Content-Profile). */
  private static List<String> schemas(List<Scalar> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("the caller supplies the default schemas");
    }
    Unique names = new Unique("schema");
    List<String> out = new ArrayList<>();
    for (Scalar s : values) {
      String name = Names.schemaName(s);
      if (name.equals("information_schema")) {
        throw ConfigErrors.badValue(s, "a schema other than information_schema (never exposed)");
      }
      out.add(names.add(s, name));
    }
    return List.copyOf(out);
  }

  private static Optional<String> nonEmpty(String s) {
    return Optional.ofNullable(s).filter(v -> !v.isEmpty());
  }

  private static ConfigException noUser(ApiInput in) {
    Scalar s = in.dbUri();
    return new ConfigException(
        ConfigErrors.BAD_VALUE,
        s.path() + " " + s.origin().describe() + " names no user, and PGUSER is not set",
        "name the API's login role in the connection string (postgres://authenticator@host/db or"
            + " user=authenticator), or set PGUSER; "
            + s.origin().fix());
  }
}
