package dev.tusk.rest.auth;

import static dev.tusk.rest.auth.Verifiers.bearer;
import static dev.tusk.rest.auth.Verifiers.refused;
import static dev.tusk.rest.auth.Verifiers.validClaims;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The classic JWT attacks: alg=none, algorithm confusion, keys smuggled in through the header. */
class AlgorithmAttacksTest {

  private final JwtVerifier verifier = Verifiers.standard();

  /** Trusts only the standard JWKS: no HMAC secret to fall back on. */
  private final JwtVerifier jwksOnly =
      new JwtVerifier(
          Verifiers.config(
              java.util.Optional.empty(),
              java.util.Optional.of(java.nio.file.Path.of("unused.json")),
              java.util.Optional.empty(),
              java.util.Optional.empty(),
              ".role",
              java.util.Optional.empty()),
          Verifiers.CLOCK,
          rsaOnly());

  @ParameterizedTest
  @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
  void algNoneIsRefusedWithOrWithoutASignature(String none) {
    String unsigned =
        Jose.b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + Jose.b64(validClaims());
    for (String token : List.of(unsigned + ".", unsigned + "." + Jose.b64("sig"))) {
      AuthError e = refused(verifier, token);
      assertThat(e.code()).isEqualTo("PGRST301");
      assertThat(e.getMessage()).isEqualTo(AuthError.BAD_ALG);
      assertThat(e.details()).get().asString().contains("never accepted");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"HS1024", "RS1", "ES256K", "Ed25519", "hs256", "", "RSA-OAEP"})
  void unknownAlgorithmsAreRefused(String alg) {
    String token =
        Jose.b64("{\"alg\":\"" + alg + "\"}") + "." + Jose.b64(validClaims()) + "." + Jose.b64("x");
    AuthError e = refused(verifier, token);
    assertThat(e.getMessage()).isEqualTo(AuthError.BAD_ALG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"alg\":256}", "{\"alg\":null}", "{\"alg\":[\"HS256\"]}"})
  void aHeaderWithoutAnAlgStringIsRefused(String header) {
    String token = Jose.b64(header) + "." + Jose.b64(validClaims()) + "." + Jose.b64("x");
    assertThat(refused(verifier, token).getMessage()).isEqualTo(AuthError.BAD_ALG);
  }

  /** HS256 "signed" with the RSA public key as the HMAC secret, in every form it is published. */
  @Test
  void anHmacTokenKeyedWithTheRsaPublicKeyIsRefused() {
    byte[] der = Jose.RSA.getPublic().getEncoded();
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END PUBLIC KEY-----\n";
    byte[] jwkText =
        Jose.jwk(Jose.RSA.getPublic(), "rsa").toString().getBytes(StandardCharsets.UTF_8);
    for (byte[] secret : List.of(der, pem.getBytes(StandardCharsets.US_ASCII), jwkText)) {
      for (String kid : new String[] {null, "rsa"}) {
        String token = Jose.token("HS256", kid, validClaims(), secret);
        AuthError onlyRsa = refused(jwksOnly, token);
        assertThat(onlyRsa.code()).isEqualTo("PGRST301");
        assertThat(onlyRsa.getMessage()).isEqualTo(AuthError.NO_KEY);
        AuthError withSecret = refused(verifier, token);
        assertThat(withSecret.code()).isEqualTo("PGRST301");
      }
    }
  }

  @Test
  void anRsaTokenIsNotCheckedAgainstAnEcKeyWithItsKidNorTheOtherWayRound() {
    assertThat(
            refused(verifier, Jose.token("RS256", "ec256", validClaims(), Jose.RSA.getPrivate()))
                .getMessage())
        .isEqualTo(AuthError.NO_KEY);
    assertThat(
            refused(verifier, Jose.token("ES256", "rsa", validClaims(), Jose.EC256.getPrivate()))
                .getMessage())
        .isEqualTo(AuthError.NO_KEY);
  }

  @Test
  void anEcAlgorithmUsesOnlyItsOwnCurve() {
    // ES384 naming the P-256 key's kid: the curve does not match the algorithm.
    AuthError e =
        refused(verifier, Jose.token("ES384", "ec256", validClaims(), Jose.EC384.getPrivate()));
    assertThat(e.getMessage()).isEqualTo(AuthError.NO_KEY);
  }

  @Test
  void aJwkThatPinsAnAlgorithmIsNotUsedForAnother() throws Exception {
    var pinned = Jose.jwk(Jose.RSA.getPublic(), "rsa").put("alg", "PS256");
    KeySet keys = Jwks.parse(Jose.jwks(pinned).getBytes(StandardCharsets.UTF_8)).keys();
    JwtVerifier v = new JwtVerifier(Verifiers.hs(), Verifiers.CLOCK, KeySources.fixed(keys));
    assertThat(bearer(v, Jose.token("PS256", "rsa", validClaims(), Jose.RSA.getPrivate())).role())
        .isEqualTo("api_user");
    assertThat(
            refused(v, Jose.token("RS256", "rsa", validClaims(), Jose.RSA.getPrivate()))
                .getMessage())
        .isEqualTo(AuthError.NO_KEY);
  }

  /** The token carries its own key (jwk, jku, x5c): it must be ignored, never trusted. */
  @Test
  void keysEmbeddedInTheHeaderAreIgnored() {
    var attacker = Jose.RSA_OTHER;
    var header = Jose.JSON.createObjectNode().put("alg", "RS256");
    header.set("jwk", Jose.jwk(attacker.getPublic(), null));
    header.put("jku", "http://127.0.0.1:1/jwks.json");
    header
        .putArray("x5c")
        .add(Base64.getEncoder().encodeToString(attacker.getPublic().getEncoded()));
    String token = Jose.sign(header.toString(), validClaims(), attacker.getPrivate());
    AuthError e = refused(verifier, token);
    assertThat(e.getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
  }

  @Test
  void aKidNoKeyHasIsRefusedAndNamedInTheDetails() {
    AuthError e =
        refused(verifier, Jose.token("RS256", "nope", validClaims(), Jose.RSA.getPrivate()));
    assertThat(e.code()).isEqualTo("PGRST301");
    assertThat(e.getMessage()).isEqualTo(AuthError.NO_KEY);
    assertThat(e.details()).get().asString().contains("kid \"nope\"").contains("rsa");
  }

  @Test
  void anHmacTokenWithAKidIsRefusedBecauseTheSecretHasNone() {
    // PostgREST's rule: a kid must match a key's kid; the plain secret has none.
    AuthError e = refused(verifier, Jose.token("HS256", "k1", validClaims(), Jose.secretBytes()));
    assertThat(e.getMessage()).isEqualTo(AuthError.NO_KEY);
  }

  @Test
  void aTokenWithoutKidIsAcceptedWhenTheSingleKeyHasOne() {
    assertThat(
            bearer(jwksOnly, Jose.token("RS256", null, validClaims(), Jose.RSA.getPrivate()))
                .role())
        .isEqualTo("api_user");
  }

  @Test
  void anHmacTokenWithoutAnyHmacKeyIsRefused() {
    AuthError e = refused(jwksOnly, Jose.token("HS256", null, validClaims(), Jose.secretBytes()));
    assertThat(e.getMessage()).isEqualTo(AuthError.NO_KEY);
    assertThat(e.details()).get().asString().contains("api.jwt.secret");
  }

  @Test
  void aDerEncodedEcdsaSignatureIsRefused() throws Exception {
    // Many libraries emit ASN.1 DER; JOSE requires R || S. Accepting both would be malleability.
    String input =
        Jose.b64("{\"alg\":\"ES256\",\"kid\":\"ec256\"}") + "." + Jose.b64(validClaims());
    var s = java.security.Signature.getInstance("SHA256withECDSA");
    s.initSign(Jose.EC256.getPrivate());
    s.update(input.getBytes(StandardCharsets.US_ASCII));
    AuthError e = refused(verifier, input + "." + Jose.b64(s.sign()));
    assertThat(e.getMessage()).isEqualTo(AuthError.BAD_CRYPTO);
  }

  @Test
  void anEcdsaSignatureWithSAboveTheGroupOrderIsRefused() {
    String token = Jose.token("ES256", "ec256", validClaims(), Jose.EC256.getPrivate());
    String[] parts = token.split("\\.");
    byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
    byte[] forged = sig.clone();
    java.util.Arrays.fill(forged, 32, 64, (byte) 0xff); // s = 2^256 - 1 > n
    assertThat(refused(verifier, parts[0] + "." + parts[1] + "." + Jose.b64(forged)).getMessage())
        .isEqualTo(AuthError.BAD_CRYPTO);
  }

  private static KeySource rsaOnly() {
    return KeySources.fixed(
        new KeySet(
            List.of(
                new VerificationKey.Rsa(
                    java.util.Optional.of("rsa"),
                    java.util.Optional.empty(),
                    (java.security.interfaces.RSAPublicKey) Jose.RSA.getPublic()))));
  }
}
