package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.NOW;
import static dev.tusk.rest.auth.Verifiers.bearer;
import static dev.tusk.rest.auth.Verifiers.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** exp, nbf, iat (with 30 s of skew, at a fixed clock) and aud, with PostgREST's messages. */
class ClaimsTest {

  private static final long T = NOW.getEpochSecond();

  private final JwtVerifier verifier = Verifiers.standard();

  private static String token(String claimsJson) {
    return Jose.token("HS256", null, claimsJson, Jose.secretBytes());
  }

  /** {@code offset} is added to now; an empty message means the token is accepted. */
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      nullValues = "ok",
      value = {
        "exp, -30, ok",
        "exp, -31, JWT expired",
        "exp, -30.5, JWT expired",
        "exp, -29.9, ok",
        "exp, 0, ok",
        "exp, 100000000, ok",
        "nbf, 30, ok",
        "nbf, 31, JWT not yet valid",
        "nbf, 30.1, JWT not yet valid",
        "nbf, -1000, ok",
        "iat, 30, ok",
        "iat, 31, JWT issued at future",
        "iat, -100000, ok",
      })
  void timeClaimsAllowThirtySecondsOfSkew(String claim, String offset, String message) {
    String value =
        new java.math.BigDecimal(offset).add(java.math.BigDecimal.valueOf(T)).toPlainString();
    String token = token("{\"role\":\"api_user\",\"" + claim + "\":" + value + "}");
    if (message == null) {
      assertThat(bearer(verifier, token).role()).isEqualTo("api_user");
      return;
    }
    AuthError e = refused(verifier, token);
    assertThat(e.code()).isEqualTo("PGRST303");
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.details()).get().asString().contains(NOW.toString()).contains("30 s");
    assertThat(e.wwwAuthenticate())
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + message + "\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "exp|\"1700000000\"",
        "exp|true",
        "exp|{}",
        "nbf|[1]",
        "iat|\"now\"",
      })
  void aTimeClaimThatIsNotANumberIsRefused(String claim, String value) {
    AuthError e =
        refused(verifier, token("{\"role\":\"api_user\",\"" + claim + "\":" + value + "}"));
    assertThat(e.code()).isEqualTo("PGRST303");
    assertThat(e.getMessage()).isEqualTo("The JWT '" + claim + "' claim must be a number");
  }

  @Test
  void nullTimeClaimsAreNotChecked() {
    assertThat(bearer(verifier, token("{\"role\":\"api_user\",\"exp\":null,\"nbf\":null}")).role())
        .isEqualTo("api_user");
  }

  @Test
  void hugeAndTinyNumbersAreComparedNotOverflowed() {
    assertThat(bearer(verifier, token("{\"role\":\"r\",\"exp\":1e400}")).role()).isEqualTo("r");
    assertThat(
            bearer(verifier, token("{\"role\":\"r\",\"exp\":99999999999999999999999999}")).role())
        .isEqualTo("r");
    AuthError e = refused(verifier, token("{\"role\":\"r\",\"exp\":-1e400}"));
    assertThat(e.getMessage()).isEqualTo("JWT expired");
    assertThat(e.details()).get().asString().contains("-1");
  }

  @Test
  void theFirstFailingClaimInPostgrestOrderIsReported() {
    String all = "{\"role\":\"r\",\"exp\":1,\"nbf\":99999999999,\"aud\":\"other\"}";
    JwtVerifier v = Verifiers.standard(Verifiers.withAudience("api"), Verifiers.CLOCK);
    assertThat(refused(v, token(all)).getMessage()).isEqualTo("JWT expired");
  }

  @Test
  void theConfiguredSkewIsUsed() {
    var cfg = Verifiers.hs();
    var strict =
        new dev.tusk.core.config.JwtConfig(
            cfg.secret(),
            false,
            cfg.jwksFile(),
            cfg.jwksUrl(),
            cfg.audience(),
            ".role",
            Optional.empty(),
            Duration.ZERO);
    JwtVerifier v = Verifiers.standard(strict, Verifiers.CLOCK);
    assertThat(bearer(v, token("{\"role\":\"r\",\"exp\":" + T + "}")).role()).isEqualTo("r");
    assertThat(refused(v, token("{\"role\":\"r\",\"exp\":" + (T - 1) + "}")).getMessage())
        .isEqualTo("JWT expired");
  }

  @ParameterizedTest(name = "aud {0} with configured {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "\"api\"|api|ok",
        "[\"other\",\"api\"]|api|ok",
        "[]|api|ok",
        "null|api|ok",
        "-|api|ok",
        "\"other\"|api|JWT not in audience",
        "[\"other\",\"x\"]|api|JWT not in audience",
        "\"API\"|api|JWT not in audience",
        "\"anything\"|-|ok",
        "[\"a\",\"b\"]|-|ok",
        "5|api|The JWT 'aud' claim must be a string or an array of strings",
        "5|-|The JWT 'aud' claim must be a string or an array of strings",
        "[\"api\",5]|api|The JWT 'aud' claim must be a string or an array of strings",
        "{\"aud\":\"api\"}|api|The JWT 'aud' claim must be a string or an array of strings",
      })
  void audienceFollowsPostgrestRules(String aud, String configured, String outcome) {
    JwtVerifier v =
        configured == null
            ? verifier
            : Verifiers.standard(Verifiers.withAudience(configured), Verifiers.CLOCK);
    String claims = aud == null ? "{\"role\":\"r\"}" : "{\"role\":\"r\",\"aud\":" + aud + "}";
    if (outcome.equals("ok")) {
      assertThat(bearer(v, token(claims)).role()).isEqualTo("r");
      return;
    }
    AuthError e = refused(v, token(claims));
    assertThat(e.code()).isEqualTo("PGRST303");
    assertThat(e.getMessage()).isEqualTo(outcome);
  }

  @Test
  void anAudienceMismatchNamesBothSides() {
    JwtVerifier v = Verifiers.standard(Verifiers.withAudience("api"), Verifiers.CLOCK);
    AuthError e = refused(v, token("{\"role\":\"r\",\"aud\":\"billing\"}"));
    assertThat(e.details()).get().asString().contains("\"billing\"").contains("\"api\"");
  }
}
