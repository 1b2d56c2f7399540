package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.bearer;
import static dev.tusk.rest.auth.Verifiers.refused;
import static dev.tusk.rest.auth.Verifiers.validClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.config.JwtConfig;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the token comes from, which role a request gets, and what happens without a token. */
class AuthenticateTest {

  private static final Optional<String> ANON = Optional.of("web_anon");

  private final JwtVerifier verifier = Verifiers.standard();
  private final String token = Jose.token("HS256", null, validClaims(), Jose.secretBytes());

  private static AuthError error(Runnable call) {
    AuthError e = catchThrowableOfType(AuthError.class, call::run);
    assertThat(e).isNotNull();
    return e;
  }

  @Test
  void noTokenRunsAsTheAnonymousRole() {
    AuthResult r = verifier.authenticate(Optional.empty(), Optional.empty(), ANON);
    assertThat(r).isEqualTo(new AuthResult.Anonymous("web_anon"));
  }

  @Test
  void noTokenAndNoAnonymousRoleIsPgrst302WithAPlainBearerChallenge() {
    AuthError e =
        error(() -> verifier.authenticate(Optional.empty(), Optional.empty(), Optional.empty()));
    assertThat(e.code()).isEqualTo("PGRST302");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).isEqualTo("Anonymous access is disabled");
    assertThat(e.wwwAuthenticate()).isEqualTo("Bearer");
  }

  @Test
  void aBadTokenIsRefusedEvenWhenAnonymousAccessIsAllowed() {
    AuthError e =
        error(() -> verifier.authenticate(Optional.of("Bearer x.y.z"), Optional.empty(), ANON));
    assertThat(e.code()).isEqualTo("PGRST301");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer %s", "bearer %s", "BEARER %s", "Bearer   %s  ", " Bearer\t%s"})
  void theBearerSchemeIsCaseInsensitive(String header) {
    AuthResult r =
        verifier.authenticate(Optional.of(header.formatted(token)), Optional.empty(), ANON);
    assertThat(r.role()).isEqualTo("api_user");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Token abc", "Bearertoken", ""})
  void anotherSchemeMeansNoToken(String header) {
    assertThat(verifier.authenticate(Optional.of(header), Optional.empty(), ANON).role())
        .isEqualTo("web_anon");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bearer", "Bearer ", "bearer \t "})
  void anEmptyBearerTokenIsRefused(String header) {
    AuthError e = error(() -> verifier.authenticate(Optional.of(header), Optional.empty(), ANON));
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo("Empty JWT is sent in Authorization header");
  }

  @Test
  void aTokenWithNoKeysConfiguredIsPgrst300() {
    JwtConfig none =
        Verifiers.config(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ".role",
            Optional.empty());
    JwtVerifier v = new JwtVerifier(none, Verifiers.CLOCK, KeySources.fixed(KeySet.EMPTY));
    AuthError e = error(() -> bearer(v, token));
    assertThat(e.code()).isEqualTo("PGRST300");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).isEqualTo("Server lacks JWT secret");
    assertThat(v.authenticate(Optional.empty(), Optional.empty(), ANON).role())
        .isEqualTo("web_anon");
  }

  private JwtVerifier withCookie() {
    JwtConfig cfg =
        Verifiers.config(
            Optional.of(Jose.SECRET),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ".role",
            Optional.of("jwt"));
    return Verifiers.standard(cfg, Verifiers.CLOCK);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jwt=%s",
        "a=1; jwt=%s; b=2",
        "a=1;jwt=%s",
        "jwt=\"%s\"",
        "jwt=%s; jwt=%s",
        "jwt=; jwt=%s",
        "xjwt=nope; jwt=%s",
      })
  void theConfiguredCookieCarriesTheToken(String cookie) {
    AuthResult r =
        withCookie().authenticate(Optional.empty(), Optional.of(cookie.replace("%s", token)), ANON);
    assertThat(r.role()).isEqualTo("api_user");
  }

  @Test
  void theAuthorizationHeaderWinsOverTheCookie() {
    String other = Jose.token("HS256", null, "{\"role\":\"from_header\"}", Jose.secretBytes());
    AuthResult r =
        withCookie()
            .authenticate(Optional.of("Bearer " + other), Optional.of("jwt=" + token), ANON);
    assertThat(r.role()).isEqualTo("from_header");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jwt=", "other=%s", "JWT=%s", "jwtx=%s", ""})
  void noMatchingCookieMeansNoToken(String cookie) {
    AuthResult r =
        withCookie().authenticate(Optional.empty(), Optional.of(cookie.replace("%s", token)), ANON);
    assertThat(r.role()).isEqualTo("web_anon");
  }

  @Test
  void cookiesAreIgnoredWhenNoCookieNameIsConfigured() {
    assertThat(verifier.authenticate(Optional.empty(), Optional.of("jwt=" + token), ANON).role())
        .isEqualTo("web_anon");
  }

  @Test
  void aCookieSentTwiceWithDifferentValuesIsRefused() {
    String other = Jose.token("HS256", null, "{\"role\":\"admin\"}", Jose.secretBytes());
    AuthError e =
        error(
            () ->
                withCookie()
                    .authenticate(
                        Optional.empty(), Optional.of("jwt=" + token + "; jwt=" + other), ANON));
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.details()).get().asString().contains("more than once");
  }

  @Test
  void theClaimsCarryTheResolvedRoleAndSerialiseExactly() throws Exception {
    JwtVerifier v = Verifiers.standard(Verifiers.withRoleKey(".app.roles[0]"), Verifiers.CLOCK);
    String t =
        Jose.token(
            "HS256",
            null,
            "{\"sub\":\"u1\",\"app\":{\"roles\":[\"editor\"]},\"n\":1.50}",
            Jose.secretBytes());
    var r = (AuthResult.Authenticated) bearer(v, t);
    assertThat(r.role()).isEqualTo("editor");
    assertThat(r.claims().get("role").textValue()).isEqualTo("editor");
    assertThat(r.claims().get("sub").textValue()).isEqualTo("u1");
    assertThat(StrictJson.MAPPER.readTree(r.claimsJson())).isEqualTo(r.claims());
    assertThat(r.claimsJson()).contains("\"n\":1.5");
    r.claims().put("role", "changed"); // a private copy: the next request is unaffected
    assertThat(bearer(v, t).role()).isEqualTo("editor");
    assertThat(((AuthResult.Authenticated) bearer(v, t)).claims().get("role").textValue())
        .isEqualTo("editor");
  }

  @Test
  void aTokenWithoutARoleRunsAsTheAnonymousRoleWithItsClaims() {
    String t = Jose.token("HS256", null, "{\"sub\":\"u1\"}", Jose.secretBytes());
    var r =
        (AuthResult.Authenticated)
            verifier.authenticate(Optional.of("Bearer " + t), Optional.empty(), ANON);
    assertThat(r.role()).isEqualTo("web_anon");
    assertThat(r.claims().get("sub").textValue()).isEqualTo("u1");
    AuthError e =
        error(
            () ->
                verifier.authenticate(
                    Optional.of("Bearer " + t), Optional.empty(), Optional.empty()));
    assertThat(e.code()).isEqualTo("PGRST302");
  }

  @Test
  void aNullRoleIsTreatedAsNoRole() {
    String t = Jose.token("HS256", null, "{\"role\":null}", Jose.secretBytes());
    assertThat(verifier.authenticate(Optional.of("Bearer " + t), Optional.empty(), ANON).role())
        .isEqualTo("web_anon");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"role\":42}",
        "{\"role\":true}",
        "{\"role\":[\"a\"]}",
        "{\"role\":{\"name\":\"a\"}}",
        "{\"role\":\"\"}",
        "{\"role\":\"a\\u0000b\"}",
        "{\"role\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
      })
  void aRoleThatCannotNameADatabaseRoleIsRefused(String claims) {
    AuthError e = refused(verifier, Jose.token("HS256", null, claims, Jose.secretBytes()));
    assertThat(e.code()).isEqualTo("PGRST303");
    assertThat(e.getMessage()).isEqualTo("Parsing claims failed");
    assertThat(e.details()).get().asString().contains(".role");
  }

  @Test
  void aRoleOfExactlySixtyThreeBytesIsAccepted() {
    String role = "r".repeat(63);
    String t = Jose.token("HS256", null, "{\"role\":\"" + role + "\"}", Jose.secretBytes());
    assertThat(bearer(verifier, t).role()).isEqualTo(role);
  }

  @Test
  void aTokenNamingARefusedRoleIsA401WithAPgrstCode() {
    JwtVerifier v =
        new JwtVerifier(
            Verifiers.hs(),
            Verifiers.CLOCK,
            Verifiers.standardKeys(),
            new JwtVerifier.Options(Set.of("postgres", "authenticator"), 10));
    for (String role : new String[] {"postgres", "authenticator"}) {
      AuthError e =
          refused(v, Jose.token("HS256", null, "{\"role\":\"" + role + "\"}", Jose.secretBytes()));
      assertThat(e.code()).isEqualTo("PGRST303");
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.details()).get().asString().contains("\"" + role + "\"");
    }
    assertThat(
            bearer(v, Jose.token("HS256", null, "{\"role\":\"Postgres\"}", Jose.secretBytes()))
                .role())
        .isEqualTo(
            "Postgres"); // role names are case-sensitive; the database decides about this one
  }

  @Test
  void aNegativeClockSkewIsAConfigError() {
    var cfg = Verifiers.hs();
    var bad =
        new JwtConfig(
            cfg.secret(),
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ".role",
            Optional.empty(),
            java.time.Duration.ofSeconds(-1));
    var e =
        catchThrowableOfType(
            dev.tusk.core.error.ConfigException.class,
            () -> new JwtVerifier(bad, Verifiers.CLOCK, Verifiers.standardKeys()));
    assertThat(e.getMessage()).contains("api.jwt.clock_skew");
  }

  @Test
  void aBadRoleClaimKeyFailsAtConstruction() {
    var e =
        catchThrowableOfType(
            dev.tusk.core.error.ConfigException.class,
            () ->
                new JwtVerifier(
                    Verifiers.withRoleKey("role"), Verifiers.CLOCK, Verifiers.standardKeys()));
    assertThat(e.getMessage()).startsWith("api.jwt.role_claim_key");
  }
}
