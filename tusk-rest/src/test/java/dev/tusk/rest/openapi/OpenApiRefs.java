package dev.tusk.rest.openapi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict parsing, reference resolution and path-key decoding for the document checks. */
final class OpenApiRefs {

  static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonParser.Feature.ALLOW_COMMENTS)
          .build();

  private static final String PATH_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~!$&'()*+,;=:@/-";

  private OpenApiRefs() {}

  /** The text parsed strictly (duplicate keys and trailing data are errors). */
  static JsonNode parse(String json) {
    try {
      return STRICT.readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError("not valid JSON: " + e.getMessage(), e);
    }
  }

  /** {@code /} then RFC 3986 path characters and uppercase percent escapes only. */
  static boolean escapedPath(String key) {
    if (!key.startsWith("/")) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '%') {
        if (i + 2 >= key.length()
            || "0123456789ABCDEF".indexOf(key.charAt(i + 1)) < 0
            || "0123456789ABCDEF".indexOf(key.charAt(i + 2)) < 0) {
          return false;
        }
        i += 2;
      } else if (PATH_CHARS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A local reference: a URI fragment holding a JSON pointer (percent-decoded first). */
  static Optional<JsonNode> resolve(JsonNode root, String ref) {
    if (!ref.startsWith("#/")) {
      return Optional.empty();
    }
    JsonNode node = root;
    for (String token : percentDecode(ref.substring(2)).split("/", -1)) {
      node = node.get(token.replace("~1", "/").replace("~0", "~"));
      if (node == null) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  static String percentDecode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      int c = s.codePointAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
      } else {
        byte[] b = Character.toString(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        i += Character.charCount(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
