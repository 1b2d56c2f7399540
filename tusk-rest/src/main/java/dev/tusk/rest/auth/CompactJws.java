package dev.tusk.rest.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A JWS in compact serialisation (RFC 7515 §7.1), split and its header checked, before any key is
 * touched. Only what Tusk verifies gets through: three canonical base64url parts, a JSON-object
 * header naming a supported {@code alg}, no encryption ({@code enc}), no nested token ({@code cty:
 * JWT}) and no critical extensions ({@code crit}). Key-carrying headers ({@code jwk}, {@code jku},
 * {@code x5u}, {@code x5c}) are ignored: keys come from config, never from the token.
 */
record CompactJws(
    String signingInput, JwtAlgorithm alg, Optional<String> kid, byte[] payload, byte[] signature) {

  /** Tokens longer than this are refused before decoding; real ones are well under 2 KB. */
  static final int MAX_TOKEN_CHARS = 16 * 1024;

  static CompactJws parse(String token) {
    if (token.length() > MAX_TOKEN_CHARS) {
      throw AuthError.invalid(
          AuthError.UNDECODABLE,
          "the token is " + token.length() + " characters; the limit is " + MAX_TOKEN_CHARS);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw AuthError.invalid(
          "Expected 3 parts in JWT; got " + parts.length,
          parts.length == 5
              ? "5 parts is an encrypted token (JWE); only signed tokens (JWS) are accepted"
              : "a compact JWS is header.payload.signature");
    }
    byte[] headerBytes = decode(parts[0], "header");
    ObjectNode header;
    try {
      header = StrictJson.object(headerBytes);
    } catch (StrictJson.Invalid e) {
      throw AuthError.invalid(AuthError.UNDECODABLE, "the JOSE header is " + e.getMessage());
    }
    checkHeader(header);
    JwtAlgorithm alg = algorithm(header.get("alg"));
    JsonNode kid = header.get("kid");
    if (kid != null && !kid.isTextual()) {
      throw AuthError.invalid(AuthError.UNDECODABLE, "the header's kid is not a string");
    }
    // The header decides everything above (alg=none is answered as such, even unsigned).
    byte[] payload = decode(parts[1], "payload");
    byte[] signature = decode(parts[2], "signature");
    return new CompactJws(
        parts[0] + "." + parts[1],
        alg,
        Optional.ofNullable(kid).map(JsonNode::textValue),
        payload,
        signature);
  }

  byte[] signingInputBytes() {
    return signingInput.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] decode(String part, String what) {
    if (part.isEmpty() && !what.equals("payload")) {
      throw AuthError.invalid(AuthError.UNDECODABLE, "the " + what + " part is empty");
    }
    return Base64Url.decode(part)
        .orElseThrow(
            () ->
                AuthError.invalid(
                    AuthError.UNDECODABLE,
                    "the "
                        + what
                        + " part is not base64url (RFC 4648 section 5: A-Z a-z 0-9 - _,"
                        + " no padding)"));
  }

  private static void checkHeader(ObjectNode header) {
    if (header.has("enc")) {
      throw AuthError.invalid(
          AuthError.UNSUPPORTED_TYPE,
          "the header has enc: an encrypted token (JWE); only signed tokens (JWS) are accepted");
    }
    if (header.has("crit")) {
      throw AuthError.invalid(
          AuthError.UNSUPPORTED_TYPE,
          "the header lists critical extensions (crit), which Tusk does not implement");
    }
    if (header.has("b64")) {
      throw AuthError.invalid(
          AuthError.UNSUPPORTED_TYPE, "unencoded payloads (b64, RFC 7797) are not accepted");
    }
    JsonNode cty = header.get("cty");
    if (cty != null && cty.isTextual() && cty.textValue().equalsIgnoreCase("JWT")) {
      throw AuthError.invalid(
          AuthError.UNSUPPORTED_TYPE, "nested tokens (cty: JWT) are not accepted");
    }
  }

  private static JwtAlgorithm algorithm(JsonNode alg) {
    if (alg == null || !alg.isTextual()) {
      throw AuthError.invalid(AuthError.BAD_ALG, "the header has no alg string");
    }
    String name = alg.textValue();
    if (name.equalsIgnoreCase("none")) {
      throw AuthError.invalid(
          AuthError.BAD_ALG, "alg \"none\" (an unsigned token) is never accepted");
    }
    return JwtAlgorithm.byName(name)
        .orElseThrow(
            () ->
                AuthError.invalid(
                    AuthError.BAD_ALG,
                    "alg \""
                        + printable(name)
                        + "\" is not one of "
                        + Arrays.stream(JwtAlgorithm.values())
                            .map(Enum::name)
                            .collect(Collectors.joining(", "))));
  }

  /** Echoes a client-sent name into details safely: short, printable ASCII only. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && i < 64; i++) {
      char c = s.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return s.length() > 64 ? out + "..." : out.toString();
  }
}
