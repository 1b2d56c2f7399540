package dev.tusk.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JWK Set parsing (RFC 7517/7518/8037) and the JWKS file source. */
class JwksTest {

  private static Jwks parse(String json) throws InvalidJwk {
    return Jwks.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theStandardSetYieldsOneKeyOfEachKind() throws Exception {
    Jwks jwks = parse(Jose.standardJwks());
    assertThat(jwks.skipped()).isEmpty();
    assertThat(jwks.keys().keys())
        .extracting(k -> k.getClass().getSimpleName() + ":" + k.kid().orElse(""))
        .containsExactly("Rsa:rsa", "Ec:ec256", "Ec:ec384", "Ec:ec512", "Ed25519:ed");
  }

  @Test
  void aSingleJwkIsAcceptedAsPostgrestDoes() throws Exception {
    assertThat(parse(Jose.jwk(Jose.ED.getPublic(), "one").toString()).keys().keys()).hasSize(1);
  }

  static Stream<Arguments> unusableKeys() {
    return Stream.of(
        bad("oct", j -> Jose.JSON.createObjectNode().put("kty", "oct").put("k", "c2VjcmV0")),
        bad("use enc", j -> j.put("use", "enc")),
        bad(
            "key_ops sign only",
            j -> {
              j.putArray("key_ops").add("sign");
              return j;
            }),
        bad("key_ops not array", j -> j.put("key_ops", "verify")),
        bad("alg RSA-OAEP", j -> j.put("alg", "RSA-OAEP")),
        bad("alg none", j -> j.put("alg", "none")),
        bad(
            "no kty",
            j -> {
              j.remove("kty");
              return j;
            }),
        bad("kty number", j -> j.put("kty", 3)),
        bad("kty unknown", j -> j.put("kty", "XYZ")),
        bad(
            "missing n",
            j -> {
              j.remove("n");
              return j;
            }),
        bad("n padded", j -> j.put("n", j.get("n").textValue() + "=")),
        bad("n empty", j -> j.put("n", "")),
        bad("even exponent", j -> j.put("e", Jose.b64(new byte[] {2}))),
        bad("exponent one", j -> j.put("e", Jose.b64(new byte[] {1}))),
        bad("kid not string", j -> j.put("kid", 5)));
  }

  private static Arguments bad(String name, UnaryOperator<ObjectNode> change) {
    return Arguments.of(name, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableKeys")
  void anUnusableKeyIsSkippedWithAReason(String name, UnaryOperator<ObjectNode> change)
      throws Exception {
    ObjectNode good = Jose.jwk(Jose.ED.getPublic(), "good");
    ObjectNode broken = change.apply(Jose.jwk(Jose.RSA.getPublic(), "broken"));
    Jwks jwks = parse(Jose.jwks(good, broken));
    assertThat(jwks.keys().keys()).extracting(k -> k.kid().orElse("")).containsExactly("good");
    assertThat(jwks.skipped()).hasSize(1);
    assertThat(jwks.skipped().getFirst()).startsWith("key 1");
  }

  @Test
  void aSmallRsaKeyIsSkipped() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    Jwks jwks =
        parse(
            Jose.jwks(
                Jose.jwk(Jose.ED.getPublic(), "ok"),
                Jose.jwk(g.generateKeyPair().getPublic(), "small")));
    assertThat(jwks.skipped()).singleElement().asString().contains("1024 bits").contains("small");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", "y"})
  void anEcPointOffTheCurveIsSkipped(String coordinate) throws Exception {
    ObjectNode jwk = Jose.jwk(Jose.EC256.getPublic(), "bent");
    byte[] v = java.util.Base64.getUrlDecoder().decode(jwk.get(coordinate).textValue());
    v[31] ^= 1;
    jwk.put(coordinate, Jose.b64(v));
    Jwks jwks = parse(Jose.jwks(Jose.jwk(Jose.ED.getPublic(), "ok"), jwk));
    assertThat(jwks.skipped()).singleElement().asString().contains("not on P-256");
  }

  @Test
  void ecCoordinatesOfTheWrongLengthOrCurveAreSkipped() throws Exception {
    ObjectNode shortX = Jose.jwk(Jose.EC256.getPublic(), "short");
    shortX.put("x", Jose.b64(new byte[31]));
    ObjectNode badCurve = Jose.jwk(Jose.EC256.getPublic(), "crv").put("crv", "secp256k1");
    ObjectNode ed448 = Jose.jwk(Jose.ED.getPublic(), "448").put("crv", "Ed448");
    ObjectNode edShort = Jose.jwk(Jose.ED.getPublic(), "edshort").put("x", Jose.b64(new byte[31]));
    Jwks jwks =
        parse(Jose.jwks(Jose.jwk(Jose.ED.getPublic(), "ok"), shortX, badCurve, ed448, edShort));
    assertThat(jwks.keys().keys()).hasSize(1);
    assertThat(jwks.skipped()).hasSize(4);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "nope",
        "[]",
        "{\"keys\":{}}",
        "{\"keys\":[]}",
        "{\"other\":1}",
        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"AA\"}]}",
        "{\"keys\":[],\"keys\":[]}",
      })
  void aDocumentWithoutAUsableKeyIsAnError(String json) {
    InvalidJwk e = catchThrowableOfType(InvalidJwk.class, () -> parse(json));
    assertThat(e).as(json).isNotNull();
    assertThat(e.getMessage()).isNotBlank();
  }

  @Test
  void tooManyKeysOrTooManyBytesIsAnError() {
    List<ObjectNode> keys = new ArrayList<>();
    for (int i = 0; i <= Jwks.MAX_KEYS; i++) {
      keys.add(Jose.jwk(Jose.ED.getPublic(), "k" + i));
    }
    assertThat(
            catchThrowableOfType(
                InvalidJwk.class, () -> parse(Jose.jwks(keys.toArray(ObjectNode[]::new)))))
        .hasMessageContaining("the limit is 100");
    byte[] huge = new byte[Jwks.MAX_BYTES + 1];
    assertThat(catchThrowableOfType(InvalidJwk.class, () -> Jwks.parse(huge)))
        .hasMessageContaining("bytes");
  }

  @Test
  void aJwksFileIsReadAtConstructionAndItsSkippedKeysReported(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jwks.json");
    Files.writeString(
        file,
        Jose.jwks(
            Jose.jwk(Jose.ED.getPublic(), "ok"), Jose.JSON.createObjectNode().put("kty", "oct")));
    List<String> reports = new ArrayList<>();
    KeySet keys = KeySources.readJwksFile(file, reports::add);
    assertThat(keys.keys()).hasSize(1);
    assertThat(reports).singleElement().asString().contains("api.jwt.jwks_file").contains("oct");
  }

  @Test
  void aMissingOrBadJwksFileIsAConfigError(@TempDir Path dir) throws Exception {
    ConfigException missing =
        catchThrowableOfType(
            ConfigException.class,
            () -> KeySources.readJwksFile(dir.resolve("none.json"), s -> {}));
    assertThat(missing.code()).isEqualTo("config.missing_file");
    assertThat(missing.getMessage()).contains("api.jwt.jwks_file").contains("none.json");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"keys\": 1}");
    ConfigException invalid =
        catchThrowableOfType(ConfigException.class, () -> KeySources.readJwksFile(bad, s -> {}));
    assertThat(invalid.code()).isEqualTo("config.bad_value");
    assertThat(invalid.getMessage()).contains("bad.json").contains("not an array");
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[Jwks.MAX_BYTES + 1]);
    assertThat(
            catchThrowableOfType(ConfigException.class, () -> KeySources.readJwksFile(big, s -> {}))
                .code())
        .isEqualTo("config.too_large");
  }
}
