package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.bearer;
import static dev.tusk.rest.auth.Verifiers.refused;
import static dev.tusk.rest.auth.Verifiers.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tokens that are not well-formed compact JWS: each is a PGRST301/303 with a reason. */
class MalformedTokenTest {

  private final JwtVerifier verifier = Verifiers.standard();
  private final String good = Jose.token("HS256", null, validClaims(), Jose.secretBytes());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc|1",
        "a.b|2",
        "a.b.c.d|4",
        "a.b.c.d.e|5",
        "......|7",
      })
  void theWrongNumberOfPartsIsNamed(String token, int parts) {
    AuthError e = refused(verifier, token);
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo("Expected 3 parts in JWT; got " + parts);
  }

  @Test
  void fivePartsIsExplainedAsAnEncryptedToken() {
    assertThat(refused(verifier, "a.b.c.d.e").details()).get().asString().contains("JWE");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "eyJhbGciOiJIUzI1NiJ9=", // padding
        "eyJhbGciOiJIUzI1NiJ9==",
        "eyJhbGciOiJIUzI1N+J9", // standard alphabet
        "eyJhbGciOiJIUzI1N/J9",
        "eyJhbG ciOiJIUzI1NiJ9", // space
        "eyJhbGciOiJIUzI1NiJ9\u00e9", // non-ASCII
        "e", // impossible length
      })
  void aHeaderThatIsNotStrictBase64UrlIsRefused(String header) {
    String[] parts = good.split("\\.");
    AuthError e = refused(verifier, header + "." + parts[1] + "." + parts[2]);
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo(AuthError.UNDECODABLE);
  }

  @Test
  void aPaddedOrNonCanonicalSignatureIsRefused() {
    String[] parts = good.split("\\.");
    // 32 bytes encode to 43 characters; the last carries 4 data bits and 2 unused (zero) bits.
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String sig = parts[2];
    int last = alphabet.indexOf(sig.charAt(sig.length() - 1));
    String variant = sig.substring(0, sig.length() - 1) + alphabet.charAt(last + 1);
    // The JDK decoder reads both spellings as the same bytes: only a canonical check tells them
    // apart.
    assertThat(java.util.Base64.getUrlDecoder().decode(variant))
        .isEqualTo(java.util.Base64.getUrlDecoder().decode(sig));
    String prefix = parts[0] + "." + parts[1] + ".";
    assertThat(refused(verifier, prefix + sig + "=").getMessage()).isEqualTo(AuthError.UNDECODABLE);
    assertThat(refused(verifier, prefix + variant).getMessage()).isEqualTo(AuthError.UNDECODABLE);
    assertThat(bearer(verifier, prefix + sig).role()).isEqualTo("api_user");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[\"alg\",\"HS256\"]",
        "\"HS256\"",
        "{\"alg\":\"HS256\"} trailing",
        "{\"alg\":\"HS256\",\"alg\":\"none\"}",
        "{\"alg\":\"none\",\"alg\":\"HS256\"}",
      })
  void aHeaderThatIsNotOneJsonObjectIsRefused(String header) {
    String token = Jose.sign(header, validClaims(), Jose.secretBytes());
    AuthError e = refused(verifier, token);
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo(AuthError.UNDECODABLE);
    assertThat(e.details()).get().asString().startsWith("the JOSE header is");
  }

  @Test
  void aHeaderThatIsNotUtf8IsRefused() {
    String header = Jose.b64(new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'});
    String token = header + "." + Jose.b64(validClaims()) + "." + Jose.b64("sig");
    assertThat(refused(verifier, token).getMessage()).isEqualTo(AuthError.UNDECODABLE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"alg\":\"HS256\",\"enc\":\"A256GCM\"}",
        "{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}",
        "{\"alg\":\"HS256\",\"b64\":false}",
        "{\"alg\":\"HS256\",\"cty\":\"JWT\"}",
        "{\"alg\":\"HS256\",\"cty\":\"jwt\"}",
      })
  void encryptedNestedOrCriticalExtensionTokensAreRefused(String header) {
    AuthError e = refused(verifier, Jose.sign(header, validClaims(), Jose.secretBytes()));
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo(AuthError.UNSUPPORTED_TYPE);
  }

  @Test
  void aKidThatIsNotAStringIsRefused() {
    String token = Jose.sign("{\"alg\":\"HS256\",\"kid\":7}", validClaims(), Jose.secretBytes());
    assertThat(refused(verifier, token).details()).get().asString().contains("kid");
  }

  @Test
  void anOversizeTokenIsRefusedBeforeDecoding() {
    String big = "{\"role\":\"api_user\",\"pad\":\"" + "x".repeat(20_000) + "\"}";
    String token = Jose.token("HS256", null, big, Jose.secretBytes());
    AuthError e = refused(verifier, token);
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.details()).get().asString().contains("the limit is 16384");
  }

  @Test
  void aTokenJustUnderTheLimitIsAccepted() {
    String prefix = "{\"role\":\"api_user\",\"pad\":\"";
    String token = Jose.token("HS256", null, prefix + "\"}", Jose.secretBytes());
    int room = (CompactJws.MAX_TOKEN_CHARS - token.length()) * 3 / 4 - 3;
    String padded =
        Jose.token("HS256", null, prefix + "x".repeat(room) + "\"}", Jose.secretBytes());
    assertThat(padded.length()).isLessThanOrEqualTo(CompactJws.MAX_TOKEN_CHARS);
    assertThat(bearer(verifier, padded).role()).isEqualTo("api_user");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "\"api_user\"",
        "42",
        "",
        "{\"role\":\"api_user\",\"role\":\"postgres\"}",
        "{\"role\":\"api_user\"} {}",
        "{\"role\":",
      })
  void aSignedPayloadThatIsNotOneJsonObjectFailsAsClaims(String payload) {
    AuthError e = refused(verifier, Jose.token("HS256", null, payload, Jose.secretBytes()));
    assertThat(e.code()).isEqualTo("PGRST303");
    assertThat(e.getMessage()).isEqualTo("Parsing claims failed");
  }

  @Test
  void deeplyNestedSignedClaimsFailCleanly() {
    String deep = "{\"role\":\"api_user\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
    AuthError e = refused(verifier, Jose.token("HS256", null, deep, Jose.secretBytes()));
    assertThat(e.code()).isEqualTo("PGRST303");
  }

  @Test
  void randomCorruptionsOfAGoodTokenNeverEscapeAsAnythingButAuthError() {
    Random random = new Random(4);
    String alphabet = "ABCxyz019-_.=+/ \"{}\u0000\u00e9";
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder t = new StringBuilder(good);
      int edits = 1 + random.nextInt(3);
      for (int j = 0; j < edits; j++) {
        int at = random.nextInt(t.length());
        switch (random.nextInt(3)) {
          case 0 -> t.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          case 1 -> t.deleteCharAt(at);
          default -> t.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      try {
        bearer(verifier, t.toString());
        accepted++;
        assertThat(t.toString().strip()).isEqualTo(good); // only the unchanged token may pass
      } catch (AuthError e) {
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.code()).isIn("PGRST301", "PGRST303");
      }
    }
    assertThat(accepted).isLessThan(3000);
  }
}
