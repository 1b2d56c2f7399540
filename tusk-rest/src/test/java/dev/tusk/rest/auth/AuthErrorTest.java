package dev.tusk.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PGRST3xx catalogue and the WWW-Authenticate header that goes with each. */
class AuthErrorTest {

  @Test
  void eachCodeHasItsStatusAndChallenge() {
    AuthError s = AuthError.serverLacksSecret();
    AuthError i = AuthError.invalid(AuthError.BAD_CRYPTO, "d");
    AuthError a = AuthError.anonymousDisabled();
    AuthError c = AuthError.claims("JWT expired", null, "h");
    assertThat(s.code()).isEqualTo("PGRST300");
    assertThat(i.code()).isEqualTo("PGRST301");
    assertThat(a.code()).isEqualTo("PGRST302");
    assertThat(c.code()).isEqualTo("PGRST303");
    for (AuthError e : new AuthError[] {s, i, a, c}) {
      assertThat(e.status()).isEqualTo(401);
      assertThat(e.hint()).isPresent();
      assertThat(e.getStackTrace()).isEmpty();
    }
    assertThat(a.wwwAuthenticate()).isEqualTo("Bearer");
    assertThat(c.wwwAuthenticate())
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"JWT expired\"");
    assertThat(i.details()).contains("d");
    assertThat(c.details()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plain|plain",
        "say \"hi\"|say \\\"hi\\\"",
        "back\\slash|back\\\\slash",
        "caf\u00e9|caf?",
      })
  void theDescriptionIsAQuotedString(String description, String escaped) {
    assertThat(AuthError.invalidToken(description))
        .isEqualTo("Bearer error=\"invalid_token\", error_description=\"" + escaped + "\"");
  }

  @Test
  void aLineBreakCannotSplitTheHeader() {
    String header = AuthError.invalidToken("a\r\nSet-Cookie: x=1");
    assertThat(header).doesNotContain("\r").doesNotContain("\n").contains("a??Set-Cookie");
  }
}
