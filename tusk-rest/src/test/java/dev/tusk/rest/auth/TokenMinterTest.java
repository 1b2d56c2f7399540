package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tusk.core.error.ConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The logic of {@code tusk token}: arguments to claims to a token the API accepts. */
class TokenMinterTest {

  private final TokenMinter minter = new TokenMinter(Verifiers.hs(), Verifiers.CLOCK);

  private static TokenMinter.Request request(String role, List<String> claims, String ttl) {
    return new TokenMinter.Request(
        role, Optional.empty(), claims, Optional.ofNullable(ttl), Optional.empty(), "HS256");
  }

  @Test
  void aMintedTokenIsAcceptedWithItsClaims() {
    var req =
        new TokenMinter.Request(
            "api_user",
            Optional.of("user-1"),
            List.of(
                "email=a@example.com",
                "tenant:=42",
                "tags:=[\"x\",\"y\"]",
                "meta:={\"k\":true}",
                "note=a=b"),
            Optional.of("15m"),
            Optional.of("api"),
            "HS384");
    TokenMinter.Minted m = minter.mint(req);
    JwtVerifier v = Verifiers.standard(Verifiers.withAudience("api"), Verifiers.CLOCK);
    var r = (AuthResult.Authenticated) Verifiers.bearer(v, m.token());
    assertThat(r.role()).isEqualTo("api_user");
    JsonNode c = r.claims();
    assertThat(c.get("sub").textValue()).isEqualTo("user-1");
    assertThat(c.get("aud").textValue()).isEqualTo("api");
    assertThat(c.get("email").textValue()).isEqualTo("a@example.com");
    assertThat(c.get("tenant").intValue()).isEqualTo(42);
    assertThat(c.get("tags").get(1).textValue()).isEqualTo("y");
    assertThat(c.get("meta").get("k").booleanValue()).isTrue();
    assertThat(c.get("note").textValue()).isEqualTo("a=b");
    assertThat(c.get("iat").longValue()).isEqualTo(NOW.getEpochSecond());
    assertThat(c.get("exp").longValue()).isEqualTo(NOW.getEpochSecond() + 900);
    assertThat(m.warnings()).isEmpty();
  }

  @Test
  void theDefaultTtlIsOneHourAndTheConfiguredAudienceIsUsed() {
    TokenMinter withAud = new TokenMinter(Verifiers.withAudience("api"), Verifiers.CLOCK);
    var m = withAud.mint(request("r", List.of(), null));
    assertThat(m.claims())
        .containsEntry("aud", "api")
        .containsEntry("exp", NOW.getEpochSecond() + 3600);
  }

  @Test
  void theTokenExpiresWhenTheTtlSays() {
    String token = minter.mint(request("r", List.of(), "30s")).token();
    MutableClock later = new MutableClock(NOW.plus(Duration.ofSeconds(30 + 30)));
    assertThat(Verifiers.bearer(Verifiers.standard(Verifiers.hs(), later), token).role())
        .isEqualTo("r");
    later.advance(Duration.ofSeconds(1));
    assertThat(Verifiers.refused(Verifiers.standard(Verifiers.hs(), later), token).getMessage())
        .isEqualTo("JWT expired");
  }

  @ParameterizedTest
  @CsvSource({"30s, 30", "15m, 900", "1h, 3600", "7d, 604800", "1s, 1", "999999999s, 999999999"})
  void ttlsParse(String text, long seconds) {
    assertThat(TokenMinter.parseTtl(text)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "0s", "1y", "1.5h", "-1h", "h", "10", "1 h", "1H", "9999999999s", "PT1H"})
  void aBadTtlIsAUsageError(String text) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> TokenMinter.parseTtl(text));
    assertThat(e.code()).isEqualTo("token.bad_ttl");
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.hint()).get().asString().contains("15m");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"novalue", "=v", ":=1", "k:=", "k:=nope", "k:={\"a\":1,\"a\":2}", "k:=1 2"})
  void aBadClaimIsAUsageError(String arg) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> minter.mint(request("r", List.of(arg), null)));
    assertThat(e.code()).isEqualTo("token.bad_claim");
    assertThat(e.getMessage()).contains(arg);
  }

  @ParameterizedTest
  @ValueSource(strings = {"role=admin", "exp:=1", "iat:=1", "x=1"})
  void aClaimSetTwiceOrByAnOptionIsRefused(String arg) {
    List<String> args = arg.equals("x=1") ? List.of("x=1", "x:=2") : List.of(arg);
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> minter.mint(request("r", args, null)));
    assertThat(e.code()).isEqualTo("token.bad_claim");
  }

  @Test
  void anEmptyRoleIsAUsageError() {
    assertThat(
            catchThrowableOfType(
                    ConfigException.class, () -> minter.mint(request(" ", List.of(), null)))
                .code())
        .isEqualTo("token.bad_role");
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "Postgres", "POSTGRES"})
  void aSuperuserLookingRoleIsSignedWithAWarning(String role) {
    var m = minter.mint(request(role, List.of(), null));
    assertThat(m.token()).isNotBlank();
    assertThat(m.warnings()).singleElement().asString().contains("superuser");
  }
}
