package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.bearer;
import static dev.tusk.rest.auth.Verifiers.refused;
import static dev.tusk.rest.auth.Verifiers.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every supported algorithm verifies its own tokens and nothing else. */
class AlgorithmsTest {

  private final JwtVerifier verifier = Verifiers.standard();

  static Stream<String> algorithms() {
    return Arrays.stream(JwtAlgorithm.values()).map(Enum::name);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aValidTokenWithItsKidIsAccepted(String alg) {
    String token = Jose.token(alg, Jose.kidFor(alg), validClaims(), Jose.signingKey(alg));
    AuthResult result = bearer(verifier, token);
    assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
    assertThat(result.role()).isEqualTo("api_user");
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aValidTokenWithoutKidIsTriedAgainstEveryKeyOfItsType(String alg) {
    String token = Jose.token(alg, null, validClaims(), Jose.signingKey(alg));
    assertThat(bearer(verifier, token).role()).isEqualTo("api_user");
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aChangedPayloadBreaksTheSignature(String alg) {
    String token = Jose.token(alg, Jose.kidFor(alg), validClaims(), Jose.signingKey(alg));
    String[] parts = token.split("\\.");
    String forged =
        parts[0] + "." + Jose.b64("{\"role\":\"postgres\",\"exp\":9999999999}") + "." + parts[2];
    AuthError e = refused(verifier, forged);
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.wwwAuthenticate())
        .isEqualTo(
            "Bearer error=\"invalid_token\", error_description=\"JWT cryptographic operation failed\"");
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aFlippedSignatureBitIsRefused(String alg) {
    String token = Jose.token(alg, Jose.kidFor(alg), validClaims(), Jose.signingKey(alg));
    String[] parts = token.split("\\.");
    byte[] sig = java.util.Base64.getUrlDecoder().decode(parts[2]);
    sig[sig.length / 2] ^= 0x01;
    AuthError e = refused(verifier, parts[0] + "." + parts[1] + "." + Jose.b64(sig));
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aTruncatedOrExtendedSignatureIsRefused(String alg) {
    String token = Jose.token(alg, Jose.kidFor(alg), validClaims(), Jose.signingKey(alg));
    String[] parts = token.split("\\.");
    byte[] sig = java.util.Base64.getUrlDecoder().decode(parts[2]);
    String prefix = parts[0] + "." + parts[1] + ".";
    assertThat(refused(verifier, prefix + Jose.b64(Arrays.copyOf(sig, sig.length - 1))).code())
        .isEqualTo("PGRST301");
    assertThat(refused(verifier, prefix + Jose.b64(Arrays.copyOf(sig, sig.length + 1))).code())
        .isEqualTo("PGRST301");
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aSignatureOfAllZeroBytesIsRefused(String alg) {
    String token = Jose.token(alg, Jose.kidFor(alg), validClaims(), Jose.signingKey(alg));
    String[] parts = token.split("\\.");
    int length = java.util.Base64.getUrlDecoder().decode(parts[2]).length;
    AuthError e = refused(verifier, parts[0] + "." + parts[1] + "." + Jose.b64(new byte[length]));
    assertThat(e.getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void aTokenSignedWithAnotherKeyOfTheSameTypeIsRefused(String alg) {
    Object other =
        switch (alg.substring(0, 2)) {
          case "HS" -> "another-secret-that-is-also-long-enough-987654321".getBytes();
          case "RS", "PS" -> Jose.RSA_OTHER.getPrivate();
          case "ES" -> freshEc(alg);
          default -> Jose.ED_OTHER.getPrivate();
        };
    String token = Jose.token(alg, Jose.kidFor(alg), validClaims(), other);
    AuthError e = refused(verifier, token);
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
  }

  private static Object freshEc(String alg) {
    try {
      var g = java.security.KeyPairGenerator.getInstance("EC");
      g.initialize(
          new java.security.spec.ECGenParameterSpec(
              switch (alg) {
                case "ES256" -> "secp256r1";
                case "ES384" -> "secp384r1";
                default -> "secp521r1";
              }));
      return g.generateKeyPair().getPrivate();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
