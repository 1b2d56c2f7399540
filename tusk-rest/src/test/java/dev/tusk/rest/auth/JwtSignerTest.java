package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JwtSigner's tokens verify with JwtVerifier (and with an independent HMAC). */
class JwtSignerTest {

  private static JwtConfig secret(String value, boolean base64) {
    return new JwtConfig(
        Optional.of(new Secret(value, "env:TUSK_JWT_SECRET")),
        base64,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ".role",
        Optional.empty(),
        Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS256", "HS384", "HS512"})
  void signedTokensRoundTrip(String alg) throws Exception {
    JwtConfig cfg = Verifiers.hs();
    String token =
        new JwtSigner(cfg).sign(Map.of("role", "api_user", "n", 5, "tags", List.of("a", "b")), alg);
    var r = (AuthResult.Authenticated) bearer(Verifiers.standard(cfg, Verifiers.CLOCK), token);
    assertThat(r.role()).isEqualTo("api_user");
    assertThat(r.claims().get("n").intValue()).isEqualTo(5);
    assertThat(r.claims().get("tags").get(1).textValue()).isEqualTo("b");
    String[] parts = token.split("\\.");
    assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
        .isEqualTo("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
    byte[] expected =
        Jose.signature(
            alg,
            Jose.secretBytes(),
            (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(parts[2]).isEqualTo(Jose.b64(expected));
  }

  @Test
  void aBase64SecretIsDecodedOnBothSides() {
    byte[] raw = new byte[48];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 7 - 100);
    }
    JwtConfig cfg = secret(Base64.getEncoder().encodeToString(raw), true);
    String token = new JwtSigner(cfg).sign(Map.of("role", "r"), "HS256");
    JwtVerifier v =
        new JwtVerifier(cfg, Verifiers.CLOCK, KeySources.fromConfig(cfg, Verifiers.CLOCK, s -> {}));
    assertThat(bearer(v, token).role()).isEqualTo("r");
    // Signed with the raw bytes by the independent signer, it verifies too.
    assertThat(bearer(v, Jose.token("HS256", null, "{\"role\":\"x\"}", raw)).role()).isEqualTo("x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "0123456789012345678901234567890"})
  void aShortSecretIsRefusedWithoutShowingIt(String value) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> new JwtSigner(secret(value, false)));
    assertThat(e.code()).isEqualTo("config.bad_value");
    assertThat(e.getMessage())
        .contains("api.jwt.secret")
        .contains("env:TUSK_JWT_SECRET")
        .contains("at least 32");
    assertThat(e.getMessage()).doesNotContain(value);
    ConfigException verifierSide =
        catchThrowableOfType(
            ConfigException.class,
            () -> KeySources.fromConfig(secret(value, false), Verifiers.CLOCK, s -> {}));
    assertThat(verifierSide.getMessage()).isEqualTo(e.getMessage());
  }

  @Test
  void exactlyThirtyTwoCharactersIsEnough() {
    assertThat(new JwtSigner(secret("x".repeat(32), false)).sign(Map.of(), "HS256")).contains(".");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64 at all!", "c2hvcnQ=", ""})
  void aBadOrShortBase64SecretIsRefused(String value) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> new JwtSigner(secret(value, true)));
    assertThat(e.getMessage()).contains("api.jwt.secret");
  }

  @Test
  void withoutASecretThereIsNothingToSignWith() {
    JwtConfig none =
        Verifiers.config(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            ".role",
            Optional.empty());
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> new JwtSigner(none));
    assertThat(e.code()).isEqualTo("config.missing_key");
    assertThat(e.getMessage()).contains("api.jwt.secret");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256", "EdDSA", "none", "hs256"})
  void onlyHmacAlgorithmsCanBeSigned(String alg) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new JwtSigner(Verifiers.hs()).sign(Map.of(), alg));
    assertThat(e.code()).isEqualTo("token.unsupported_alg");
  }
}
