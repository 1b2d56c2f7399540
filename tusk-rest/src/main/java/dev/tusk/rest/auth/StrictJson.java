package dev.tusk.rest.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * JSON as JOSE wants it: one object, no duplicate member names (RFC 7515 §4 lets a parser reject
 * them, and two parsers picking different duplicates is how signature checks get bypassed), no
 * trailing content, numbers kept exact.
 */
final class StrictJson {

  /** Stateless once configured, so one instance serves every verifier. */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** Why a document was refused, fit for an error's details. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  private StrictJson() {}

  /** Parses UTF-8 bytes that must hold exactly one JSON object. */
  static ObjectNode object(byte[] utf8) throws Invalid {
    JsonNode node;
    try {
      node = MAPPER.readTree(utf8);
    } catch (JsonProcessingException e) {
      throw new Invalid("not valid JSON: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new Invalid("not valid JSON: " + firstLine(e.getMessage()));
    }
    if (node == null || node.isMissingNode()) {
      throw new Invalid("empty, not a JSON object");
    }
    if (!(node instanceof ObjectNode object)) {
      throw new Invalid(
          "a JSON "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", not an object");
    }
    return object;
  }

  /** Parses text that must hold exactly one JSON object. */
  static ObjectNode object(String text) throws Invalid {
    return object(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    String line = message.lines().findFirst().orElse("unreadable");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
