package dev.tusk.rest.openapi;

import dev.tusk.rest.schema.QualifiedName;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the OpenAPI documents need besides the schema cache. The server fills it per request: the
 * host from {@code openapi.server_proxy_uri} (see {@link #withProxyUri}) or from the request's
 * {@code Host} header (see {@link #hostHeader}), the schema from {@code Accept-Profile}, and, in
 * PostgREST's {@code follow-privileges} mode, the tables and functions the requesting role may use
 * (computed elsewhere; the writer only filters by them).
 *
 * @param title the API title when the schema has no comment (a comment's first line wins)
 * @param version Tusk's version, as {@code info.version}
 * @param host {@code host[:port]} the API is reached at; empty leaves it to the client (Swagger 2.0
 *     omits {@code host}, OpenAPI 3.1 uses a relative server URL)
 * @param basePath the path prefix the API is served under, {@code /} when served at the root
 * @param schemes {@code http} and/or {@code https}
 * @param jwtEnabled whether a JWT secret or JWKS is configured: adds the bearer security scheme
 * @param schema the exposed schema to describe; empty for the default (first) one
 * @param schemaComment the schema's {@code COMMENT}, for {@code info.title}/{@code description}
 * @param includeTable which tables and views of the schema to describe
 * @param includeRoutine which functions of the schema to describe
 */
public record OpenApiSettings(
    String title,
    String version,
    Optional<String> host,
    String basePath,
    List<String> schemes,
    boolean jwtEnabled,
    Optional<String> schema,
    Optional<String> schemaComment,
    Predicate<QualifiedName> includeTable,
    Predicate<QualifiedName> includeRoutine) {

  /** reg-name or IP literal (RFC 3986), then an optional port. */
  private static final Pattern HOST =
      Pattern.compile(
          "(\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9._~%!$&'()*+,;=-]{1,253})(:[0-9]{1,5})?");

  public OpenApiSettings {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(basePath, "basePath");
    schemes = List.copyOf(schemes);
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(schemaComment, "schemaComment");
    Objects.requireNonNull(includeTable, "includeTable");
    Objects.requireNonNull(includeRoutine, "includeRoutine");
    host.ifPresent(
        h -> {
          if (!HOST.matcher(h).matches()) {
            throw new IllegalArgumentException("not a host[:port]: '" + h + "'");
          }
        });
    if (!basePath.startsWith("/")
        || !basePath.equals(basePath.strip())
        || basePath.contains("?")
        || basePath.contains("#")) {
      throw new IllegalArgumentException(
          "a base path starts with / and has no query or fragment: '" + basePath + "'");
    }
    if (schemes.isEmpty()
        || !Set.of("http", "https").containsAll(schemes)
        || new HashSet<>(schemes).size() != schemes.size()) {
      throw new IllegalArgumentException("schemes must be http and/or https, once: " + schemes);
    }
  }

  /** Everything described, no host, served at {@code /} over http, no JWT. */
  public static OpenApiSettings defaults(String title, String version) {
    return new OpenApiSettings(
        title,
        version,
        Optional.empty(),
        "/",
        List.of("http"),
        false,
        Optional.empty(),
        Optional.empty(),
        t -> true,
        r -> true);
  }

  /**
   * A {@code Host} header value when it is a plain {@code host[:port]}, else empty (the document
   * then names no host rather than echo a hostile header).
   */
  public static Optional<String> hostHeader(String value) {
    return value != null && HOST.matcher(value).matches() ? Optional.of(value) : Optional.empty();
  }

  public OpenApiSettings withHost(Optional<String> newHost) {
    return new OpenApiSettings(
        title,
        version,
        newHost,
        basePath,
        schemes,
        jwtEnabled,
        schema,
        schemaComment,
        includeTable,
        includeRoutine);
  }

  /**
   * Scheme, host, port and path from PostgREST's {@code openapi-server-proxy-uri}, e.g. {@code
   * https://api.example.com:8443/v1}.
   */
  public OpenApiSettings withProxyUri(URI proxy) {
    String scheme =
        proxy.getScheme() == null ? "" : proxy.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || proxy.getHost() == null) {
      throw new IllegalArgumentException("not an http(s) URI with a host: " + proxy);
    }
    String h = proxy.getPort() < 0 ? proxy.getHost() : proxy.getHost() + ":" + proxy.getPort();
    String path =
        proxy.getRawPath() == null || proxy.getRawPath().isEmpty() ? "/" : proxy.getRawPath();
    return new OpenApiSettings(
        title,
        version,
        Optional.of(h),
        path,
        List.of(scheme),
        jwtEnabled,
        schema,
        schemaComment,
        includeTable,
        includeRoutine);
  }

  public OpenApiSettings withJwt(boolean enabled) {
    return new OpenApiSettings(
        title,
        version,
        host,
        basePath,
        schemes,
        enabled,
        schema,
        schemaComment,
        includeTable,
        includeRoutine);
  }

  /** Describe {@code name} (an exposed schema), with its comment if it has one. */
  public OpenApiSettings withSchema(String name, Optional<String> comment) {
    return new OpenApiSettings(
        title,
        version,
        host,
        basePath,
        schemes,
        jwtEnabled,
        Optional.of(name),
        comment,
        includeTable,
        includeRoutine);
  }

  /** Describe only these tables and functions (PostgREST's {@code follow-privileges} mode). */
  public OpenApiSettings onlyIncluding(Set<QualifiedName> tables, Set<QualifiedName> routines) {
    Set<QualifiedName> t = Set.copyOf(tables);
    Set<QualifiedName> r = Set.copyOf(routines);
    return new OpenApiSettings(
        title,
        version,
        host,
        basePath,
        schemes,
        jwtEnabled,
        schema,
        schemaComment,
        t::contains,
        r::contains);
  }
}
