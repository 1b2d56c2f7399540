package dev.tusk.core.config;

import static dev.tusk.core.config.ConfigOption.API_AGGREGATES;
import static dev.tusk.core.config.ConfigOption.API_ANON_ROLE;
import static dev.tusk.core.config.ConfigOption.API_DATABASE;
import static dev.tusk.core.config.ConfigOption.API_DB_URI;
import static dev.tusk.core.config.ConfigOption.API_ENABLED;
import static dev.tusk.core.config.ConfigOption.API_JWT_AUDIENCE;
import static dev.tusk.core.config.ConfigOption.API_JWT_CLOCK_SKEW_SECONDS;
import static dev.tusk.core.config.ConfigOption.API_JWT_COOKIE;
import static dev.tusk.core.config.ConfigOption.API_JWT_JWKS_FILE;
import static dev.tusk.core.config.ConfigOption.API_JWT_JWKS_URL;
import static dev.tusk.core.config.ConfigOption.API_JWT_ROLE_CLAIM_KEY;
import static dev.tusk.core.config.ConfigOption.API_JWT_SECRET;
import static dev.tusk.core.config.ConfigOption.API_JWT_SECRET_IS_BASE64;
import static dev.tusk.core.config.ConfigOption.API_LISTEN;
import static dev.tusk.core.config.ConfigOption.API_MAX_BODY_BYTES;
import static dev.tusk.core.config.ConfigOption.API_MAX_ROWS;
import static dev.tusk.core.config.ConfigOption.API_PASSWORD;
import static dev.tusk.core.config.ConfigOption.API_PLAN_ENABLED;
import static dev.tusk.core.config.ConfigOption.API_POOL_SIZE;
import static dev.tusk.core.config.ConfigOption.API_PORT;
import static dev.tusk.core.config.ConfigOption.API_PRE_REQUEST;
import static dev.tusk.core.config.ConfigOption.API_SERVER_TIMING;
import static dev.tusk.core.config.ConfigOption.API_TX_END;
import static dev.tusk.core.config.ConfigOption.API_USER;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code api}. Without the section (and without any non-empty {@code TUSK_API_*} variable,
 * which counts as writing the key into the file) there is no API; with it, {@code enabled} defaults
 * to true. The database defaults to the first entry of {@code databases} and the schemas to that
 * database's schemas ({@code [public]} when it lists none, or with a {@code db_uri}, whose server
 * the databases section does not describe). The rules that need the other sections are in {@link
 * ApiChecks}.
 */
final class ApiSection {

  static final List<String> NESTED = List.of("jwt", "schemas", "cors_origins");

  private ApiSection() {}

  static Optional<ApiConfig> read(ReadContext ctx, Optional<YamlMap> root, Peers peers) {
    Optional<YamlMap> map = root.flatMap(r -> r.map("api"));
    boolean fromEnv =
        Stream.concat(ConfigOption.in("api").stream(), ConfigOption.in("api.jwt").stream())
            .anyMatch(o -> !ctx.env().getOrDefault(o.envName(), "").isEmpty());
    if (map.isEmpty() && !fromEnv) {
      return Optional.empty();
    }
    SectionValues values = new SectionValues(ctx, "api", map, NESTED, PostgrestKeys.TUSK_NAMES);
    SectionValues jwt =
        new SectionValues(
            ctx, "api.jwt", map.flatMap(m -> m.map("jwt")), List.of(), PostgrestKeys.jwtNames());
    Scalar dbUri = values.get(API_DB_URI);
    Scalar database = values.get(API_DATABASE);
    Scalar user = values.get(API_USER);
    Scalar password = values.get(API_PASSWORD);
    if (!dbUri.isNull()) {
      ApiChecks.notBesideDbUri(dbUri, List.of(database, user, password));
    } else if (database.isNull()) {
      String first = peers.databases().isEmpty() ? "postgres" : peers.databases().get(0).name();
      database = ctx.byDefault(API_DATABASE.key(), Optional.of(first));
    }
    ApiInput input =
        new ApiInput(
            values.get(API_ENABLED),
            values.get(API_LISTEN),
            values.get(API_PORT),
            database,
            user,
            password,
            dbUri,
            schemas(ctx, map, dbUri.isNull() ? database.text() : Optional.empty(), peers),
            values.get(API_ANON_ROLE),
            new ApiInput.Jwt(
                jwt.get(API_JWT_SECRET),
                jwt.get(API_JWT_SECRET_IS_BASE64),
                jwt.get(API_JWT_JWKS_FILE),
                jwt.get(API_JWT_JWKS_URL),
                jwt.get(API_JWT_AUDIENCE),
                jwt.get(API_JWT_ROLE_CLAIM_KEY),
                jwt.get(API_JWT_COOKIE),
                jwt.get(API_JWT_CLOCK_SKEW_SECONDS)),
            values.get(API_MAX_ROWS),
            values.get(API_PRE_REQUEST),
            values.get(API_TX_END),
            values.get(API_AGGREGATES),
            values.get(API_MAX_BODY_BYTES),
            values.get(API_PLAN_ENABLED),
            values.get(API_POOL_SIZE),
            map.map(m -> m.scalars("cors_origins")).orElse(List.of()),
            values.get(API_SERVER_TIMING));
    ApiConfig api = ApiRules.build(input, ctx.env());
    String where = map.map(m -> "api section at " + m.location()).orElse("TUSK_API_* variables");
    return Optional.of(new ApiChecks(input, peers, where).check(api));
  }

  /** The other sections, as far as the API's rules need them. */
  record Peers(
      PostgresConfig postgres,
      List<DatabaseConfig> databases,
      List<RoleConfig> roles,
      AdminConfig admin) {}

  private static List<Scalar> schemas(
      ReadContext ctx, Optional<YamlMap> map, Optional<String> database, Peers peers) {
    Optional<List<Node>> given = map.flatMap(m -> m.list("schemas"));
    if (given.isPresent()) {
      if (given.get().isEmpty()) {
        throw ConfigErrors.badValue(
            "api.schemas must list at least one schema (at " + map.get().location() + ")",
            "list the schemas the API exposes, the default one first, such as [api]; or remove"
                + " the key for the schemas of api.database");
      }
      return map.get().scalars("schemas");
    }
    List<String> names =
        database
            .flatMap(d -> peers.databases().stream().filter(db -> db.name().equals(d)).findFirst())
            .map(DatabaseConfig::schemas)
            .filter(s -> !s.isEmpty())
            .orElse(List.of("public"));
    List<Scalar> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(ctx.byDefault("api.schemas[" + i + "]", Optional.of(names.get(i))));
    }
    return out;
  }
}
