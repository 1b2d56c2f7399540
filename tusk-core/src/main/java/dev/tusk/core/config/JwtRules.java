package dev.tusk.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.core.error.ConfigException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Builds {@link JwtConfig} and applies PostgREST's secret rules: a secret is either a JWK or JWK
 * set written as JSON, or an HMAC key of at least 32 bytes (after base64 decoding when {@code
 * secret_is_base64}; PostgREST also maps the URL-safe alphabet back first). A short HMAC key is
 * refused rather than warned about: it can be brute-forced offline from any token.
 */
final class JwtRules {

  static final int MIN_SECRET_BYTES = 32;
  static final int MAX_CLOCK_SKEW_SECONDS = 300;

  private JwtRules() {}

  static JwtConfig build(ApiInput.Jwt in) {
    boolean base64 = Convert.bool(in.secretIsBase64());
    Optional<Secret> secret =
        Convert.secret(
            in.secret(), "is empty; remove the key (or set it to null) if there is none,");
    secret.ifPresent(s -> checkSecret(in.secret(), in.secretIsBase64(), s.value(), base64));
    Optional<Path> jwksFile = Convert.optionalPath(in.jwksFile());
    Optional<URI> jwksUrl = ApiValues.jwksUrl(in.jwksUrl());
    if (jwksFile.isPresent() && jwksUrl.isPresent()) {
      throw ConfigErrors.badValue(
          in.jwksFile().path()
              + " "
              + in.jwksFile().origin().describe()
              + " and "
              + in.jwksUrl().path()
              + " "
              + in.jwksUrl().origin().describe()
              + " are both set",
          "keep one of the two; the API verifies tokens against one key set");
    }
    Optional<String> audience = ApiValues.audience(in.audience());
    String roleClaimKey = JsPath.check(in.roleClaimKey());
    Optional<String> cookie = ApiValues.cookie(in.cookie());
    int skew = Convert.integer(in.clockSkewSeconds(), 0, MAX_CLOCK_SKEW_SECONDS);
    return new JwtConfig(
        secret,
        base64,
        jwksFile,
        jwksUrl,
        audience,
        roleClaimKey,
        cookie,
        Duration.ofSeconds(skew));
  }

  /** Whether the config can verify any token at all. */
  static boolean verifiesTokens(JwtConfig jwt) {
    return jwt.secret().isPresent() || jwt.jwksFile().isPresent() || jwt.jwksUrl().isPresent();
  }

  private static void checkSecret(Scalar s, Scalar base64Flag, String value, boolean base64) {
    byte[] bytes;
    if (base64) {
      String text = value.replace('_', '/').replace('-', '+').replace('.', '=').strip();
      try {
        bytes = Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw ConfigErrors.badSecret(
            s,
            "is not valid base64, but "
                + base64Flag.path()
                + " is true "
                + base64Flag.origin().describe()
                + ",");
      }
    } else {
      bytes = value.getBytes(StandardCharsets.UTF_8);
    }
    String text = new String(bytes, StandardCharsets.UTF_8).strip();
    if (text.startsWith("{")) {
      checkJwk(s, text);
      return;
    }
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new ConfigException(
          ConfigErrors.BAD_VALUE,
          s.path()
              + " must be at least "
              + MIN_SECRET_BYTES
              + " characters long"
              + (base64 ? " once base64-decoded" : "")
              + " "
              + s.origin().describe(),
          "use a random secret of at least 32 characters, as PostgREST requires (`openssl rand"
              + " -base64 32` prints one); "
              + s.origin().fix()
              + " (the value is not shown because it is a secret)");
    }
  }

  private static void checkJwk(Scalar s, String json) {
    JsonNode node;
    try {
      node = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw ConfigErrors.badSecret(s, "starts with '{' but is not valid JSON (a JWK or JWK set),");
    }
    boolean jwk = node.isObject() && node.path("kty").isTextual();
    boolean jwks =
        node.isObject()
            && node.path("keys").isArray()
            && !node.path("keys").isEmpty()
            && allKeys(node.path("keys"));
    if (!jwk && !jwks) {
      throw ConfigErrors.badSecret(
          s, "is JSON but neither a JWK (with \"kty\") nor a JWK set (with non-empty \"keys\"),");
    }
  }

  private static boolean allKeys(JsonNode keys) {
    for (JsonNode k : keys) {
      if (!k.isObject() || !k.path("kty").isTextual()) {
        return false;
      }
    }
    return true;
  }
}
