package dev.tusk.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.config.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** Configs, verifiers and assertions shared by the auth tests. */
final class Verifiers {

  /** The fixed "now" of most tests: 2025-01-01T00:00:00Z. */
  static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Verifiers() {}

  static JwtConfig config(
      Optional<String> secret,
      Optional<Path> jwksFile,
      Optional<URI> jwksUrl,
      Optional<String> audience,
      String roleClaimKey,
      Optional<String> cookieName) {
    return new JwtConfig(
        secret.map(s -> new Secret(s, "literal")),
        false,
        jwksFile,
        jwksUrl,
        audience,
        roleClaimKey,
        cookieName,
        Duration.ofSeconds(30));
  }

  static JwtConfig hs() {
    return config(
        Optional.of(Jose.SECRET),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ".role",
        Optional.empty());
  }

  static JwtConfig withAudience(String audience) {
    return config(
        Optional.of(Jose.SECRET),
        Optional.empty(),
        Optional.empty(),
        Optional.of(audience),
        ".role",
        Optional.empty());
  }

  static JwtConfig withRoleKey(String roleClaimKey) {
    return config(
        Optional.of(Jose.SECRET),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        roleClaimKey,
        Optional.empty());
  }

  /** A verifier trusting the test secret and the standard JWKS (as if from a file). */
  static JwtVerifier standard(JwtConfig cfg, Clock clock) {
    return new JwtVerifier(cfg, clock, standardKeys());
  }

  static JwtVerifier standard() {
    return standard(hs(), CLOCK);
  }

  static KeySource standardKeys() {
    KeySet jwks;
    try {
      jwks = Jwks.parse(Jose.standardJwks().getBytes(StandardCharsets.UTF_8)).keys();
    } catch (InvalidJwk e) {
      throw new IllegalStateException(e);
    }
    return KeySources.combined(
        java.util.List.of(
            KeySources.fixed(
                new KeySet(java.util.List.of(new VerificationKey.Hmac(Jose.secretBytes())))),
            KeySources.fixed(jwks)));
  }

  static AuthResult bearer(JwtVerifier v, String token) {
    return v.authenticate(Optional.of("Bearer " + token), Optional.empty(), Optional.of("anon"));
  }

  /** The AuthError the call throws; fails the test if it returns or throws anything else. */
  static AuthError refused(JwtVerifier v, String token) {
    AuthError e = catchThrowableOfType(AuthError.class, () -> bearer(v, token));
    assertThat(e).as("expected an AuthError for " + token).isNotNull();
    assertThat(e.status()).isBetween(400, 499);
    assertThat(e.code()).startsWith("PGRST3");
    return e;
  }

  static String claims(long exp) {
    return "{\"role\":\"api_user\",\"exp\":" + exp + "}";
  }

  /** A payload that is valid at {@link #NOW}. */
  static String validClaims() {
    return claims(NOW.getEpochSecond() + 3600);
  }
}
