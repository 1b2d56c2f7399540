package dev.tusk.rest.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * Renders an {@link ApiRequestError} as PostgREST's error body: {@code {"code", "message",
 * "details", "hint"}}, absent details and hint as JSON null. The mapper is passed in so the server
 * wires one mapper for the whole process.
 */
public final class ErrorJson {

  private final ObjectMapper mapper;

  public ErrorJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public ObjectNode toNode(ApiRequestError error) {
    ObjectNode body = mapper.createObjectNode();
    body.put("code", error.code());
    body.put("message", wellFormed(error.message()));
    body.put("details", error.details().map(ErrorJson::wellFormed).orElse(null));
    body.put("hint", error.hint().map(ErrorJson::wellFormed).orElse(null));
    return body;
  }

  /**
   * Replaces unpaired surrogates (from a header the HTTP layer decoded oddly, or an echo cut short)
   * with U+FFFD, so the body is always valid UTF-8.
   */
  static String wellFormed(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean paired =
          Character.isHighSurrogate(c)
              ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
              : !Character.isLowSurrogate(c);
      if (Character.isHighSurrogate(c) && paired) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (!paired && out == null) {
        out = new StringBuilder(s.substring(0, i));
      }
      if (out != null) {
        out.append(paired ? c : '\uFFFD');
      }
    }
    return out == null ? s : out.toString();
  }

  public byte[] render(ApiRequestError error) {
    try {
      return mapper.writeValueAsBytes(toNode(error));
    } catch (JsonProcessingException e) {
      // A tree of four strings always serialises; reaching this is a bug in Jackson or here.
      throw new UncheckedIOException(e);
    }
  }
}
