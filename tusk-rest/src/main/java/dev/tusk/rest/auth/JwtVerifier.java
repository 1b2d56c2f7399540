package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates a request the way PostgREST does: no token means the anonymous role (or PGRST302
 * when there is none); a token must be a compact JWS signed by a trusted key (PGRST301) whose
 * claims pass exp/nbf/iat/aud (PGRST303); its role comes from {@code api.jwt.role_claim_key}, and a
 * token without one runs as the anonymous role. Pure apart from the key source and the clock, so it
 * is unit-tested without a server.
 *
 * <p>Order matters for safety: the header is parsed to pick keys, the signature is checked, and
 * only then is the payload parsed, so attacker-controlled claims never reach a JSON parser unless a
 * trusted key signed them.
 */
public final class JwtVerifier {

  /**
   * {@code refusedRoles}: roles a token may never name, answered with PGRST303 before the database
   * is asked (the wiring passes the superuser and the authenticator, so such a token is a 401 with
   * a PGRST code rather than a 42501 from SET ROLE). {@code cacheEntries}: verified-token cache
   * size; 0 disables it.
   */
  public record Options(Set<String> refusedRoles, int cacheEntries) {
    public static final Options DEFAULT = new Options(Set.of(), 1000);

    public Options {
      refusedRoles = Set.copyOf(refusedRoles);
      if (cacheEntries < 0) {
        throw new IllegalArgumentException("cacheEntries < 0");
      }
    }
  }

  /** PostgreSQL truncates identifiers to 63 bytes; a longer role could alias a refused one. */
  static final int MAX_ROLE_BYTES = 63;

  private final Clock clock;
  private final KeySource keySource;
  private final Options options;
  private final boolean keysConfigured;
  private final Optional<String> cookieName;
  private final RoleClaimPath rolePath;
  private final ClaimsValidator claimsValidator;
  private final VerifiedTokenCache cache;

  public JwtVerifier(JwtConfig config, Clock clock, KeySource keySource) {
    this(config, clock, keySource, Options.DEFAULT);
  }

  public JwtVerifier(JwtConfig config, Clock clock, KeySource keySource, Options options) {
    if (config.clockSkew().isNegative()) {
      throw new ConfigException(
          "config.bad_value",
          "api.jwt.clock_skew: " + config.clockSkew() + " is negative",
          "use a small positive duration such as 30s");
    }
    this.clock = clock;
    this.keySource = keySource;
    this.options = options;
    this.keysConfigured =
        config.secret().isPresent()
            || config.jwksFile().isPresent()
            || config.jwksUrl().isPresent();
    this.cookieName = config.cookieName();
    this.rolePath = RoleClaimPath.parse(config.roleClaimKey());
    this.claimsValidator = new ClaimsValidator(config.audience(), config.clockSkew());
    this.cache = new VerifiedTokenCache(options.cacheEntries());
  }

  /**
   * Who the request runs as.
   *
   * @throws AuthError when the credentials are refused; never for a server-side bug
   */
  public AuthResult authenticate(
      Optional<String> authorizationHeader,
      Optional<String> cookieHeader,
      Optional<String> anonRole) {
    Optional<String> token = BearerToken.find(authorizationHeader, cookieHeader, cookieName);
    if (token.isEmpty()) {
      return new AuthResult.Anonymous(anonRole.orElseThrow(AuthError::anonymousDisabled));
    }
    if (!keysConfigured) {
      throw AuthError.serverLacksSecret();
    }
    KeySet keys = keySource.keys();
    Optional<ObjectNode> cached = cache.get(token.get(), keys);
    ObjectNode payload = cached.orElseGet(() -> verify(token.get(), keys));
    try {
      claimsValidator.validate(payload, clock.instant());
    } catch (AuthError e) {
      cache.remove(token.get()); // an expired or not-for-us token need not take a slot
      throw e;
    }
    String role = role(payload, anonRole);
    ObjectNode claims = payload.deepCopy();
    claims.put("role", role);
    return new AuthResult.Authenticated(role, claims, StrictJson.write(claims));
  }

  int cachedTokens() {
    return cache.size();
  }

  private ObjectNode verify(String token, KeySet keys) {
    CompactJws jws = CompactJws.parse(token);
    KeySelector.Candidates candidates = KeySelector.select(jws, keys, keySource);
    byte[] input = jws.signingInputBytes();
    for (VerificationKey key : candidates.keys()) {
      if (SignatureCheck.verify(jws.alg(), key, input, jws.signature())) {
        ObjectNode payload = payload(jws);
        cache.put(token, candidates.from(), payload);
        return payload;
      }
    }
    throw AuthError.invalid(
        AuthError.BAD_CRYPTO,
        "the "
            + jws.alg()
            + " signature does not match "
            + (candidates.keys().size() == 1
                ? "the key"
                : "any of " + candidates.keys().size() + " keys")
            + jws.kid().map(k -> " with kid \"" + CompactJws.printable(k) + "\"").orElse(""));
  }

  private static ObjectNode payload(CompactJws jws) {
    try {
      return StrictJson.object(jws.payload());
    } catch (StrictJson.Invalid e) {
      throw AuthError.claims(
          "Parsing claims failed",
          "the payload is " + e.getMessage(),
          "the payload must be a JSON object of claims, each name once");
    }
  }

  private String role(ObjectNode payload, Optional<String> anonRole) {
    Optional<JsonNode> selected = rolePath.select(payload).filter(n -> !n.isNull());
    if (selected.isEmpty()) {
      return anonRole.orElseThrow(AuthError::anonymousDisabled); // PostgREST: no role, anon role
    }
    JsonNode node = selected.get();
    String problem =
        !node.isTextual()
            ? "is a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
            : node.textValue().isEmpty()
                ? "is an empty string"
                : node.textValue().getBytes(StandardCharsets.UTF_8).length > MAX_ROLE_BYTES
                    ? "is longer than PostgreSQL's 63-byte limit for role names"
                    : node.textValue().indexOf('\0') >= 0 ? "contains a NUL character" : null;
    if (problem != null) {
      throw AuthError.claims(
          "Parsing claims failed",
          "the role claim (" + rolePath + ") " + problem + "; it must name a database role",
          "issue tokens whose role claim is the name of a database role");
    }
    String role = node.textValue();
    if (options.refusedRoles().contains(role)) {
      throw AuthError.refusedRole(role);
    }
    return role;
  }
}
