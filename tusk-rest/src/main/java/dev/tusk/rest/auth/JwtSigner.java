package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tusk.core.config.JwtConfig;
import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

/**
 * Signs claims as an HS256/384/512 compact JWS with {@code api.jwt.secret}, for {@code tusk token}.
 * Only HMAC: the private halves of RS/ES/EdDSA keys belong to the identity provider, not to Tusk's
 * config. The secret is read by the same rules as the verifier's, so what this signs the API
 * accepts.
 */
public final class JwtSigner {

  private final byte[] secret;

  public JwtSigner(JwtConfig config) {
    if (config.secret().isEmpty()) {
      throw new ConfigException(
          "config.missing_key",
          "api.jwt.secret is not set; tusk token signs tokens with it",
          config.jwksFile().isPresent() || config.jwksUrl().isPresent()
              ? "tokens for keys in a JWKS come from your identity provider; to mint test"
                  + " tokens, also set api.jwt.secret"
              : "set api.jwt.secret, e.g. secret: ${env:TUSK_JWT_SECRET}");
    }
    this.secret = HmacSecret.bytes(config.secret().get(), config.secretIsBase64());
  }

  /**
   * The compact JWS of {@code claims} (values are anything Jackson can write: strings, numbers,
   * booleans, lists, maps, JsonNodes).
   */
  public String sign(Map<String, Object> claims, String alg) {
    JwtAlgorithm algorithm =
        JwtAlgorithm.byName(alg)
            .filter(a -> a.family() == JwtAlgorithm.Family.HMAC)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "token.unsupported_alg",
                        "cannot sign with alg " + alg + ": tusk token signs HS256, HS384 or HS512",
                        "use --alg HS256 (the default), HS384 or HS512"));
    ObjectNode header = StrictJson.MAPPER.createObjectNode();
    header.put("alg", algorithm.name());
    header.put("typ", "JWT");
    JsonNode payload = StrictJson.MAPPER.valueToTree(claims);
    String input = part(header) + "." + part(payload);
    try {
      byte[] mac =
          SignatureCheck.hmac(algorithm, secret, input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + Base64Url.encode(mac);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK cannot compute " + algorithm, e);
    }
  }

  private static String part(JsonNode node) {
    return Base64Url.encode(StrictJson.write(node).getBytes(StandardCharsets.UTF_8));
  }
}
