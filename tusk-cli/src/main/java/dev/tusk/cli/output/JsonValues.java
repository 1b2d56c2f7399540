package dev.tusk.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;

/**
 * Re-encodes a json/jsonb value token by token so it can be embedded in the output: duplicate keys
 * (legal in {@code json}) and number text survive exactly, where a tree model would drop one and
 * round the other. Re-encoding, rather than pasting the text, also applies {@link JsonEscapes} and
 * guarantees the output is one well-formed value even if the database returned something else.
 */
final class JsonValues {

  private final JsonFactory factory;
  private final JsonEscapes escapes;

  JsonValues(JsonFactory factory, JsonEscapes escapes) {
    this.factory = factory;
    this.escapes = escapes;
  }

  /**
   * The value as compact JSON, or null if it is not exactly one JSON value (malformed, trailing
   * tokens, or beyond Jackson's nesting and size limits).
   */
  String reencode(String text) {
    StringWriter out = new StringWriter(text.length());
    try (JsonParser in = factory.createParser(text);
        JsonGenerator gen = factory.createGenerator(out)) {
      gen.setCharacterEscapes(escapes);
      if (in.nextToken() == null) {
        return null;
      }
      int depth = 0;
      do {
        JsonToken token = in.currentToken();
        switch (token) {
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> gen.writeNumber(in.getText());
          default -> gen.copyCurrentEvent(in);
        }
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      } while (depth > 0 && in.nextToken() != null);
      if (depth != 0 || in.nextToken() != null) {
        return null;
      }
      gen.flush();
      return out.toString();
    } catch (IOException e) {
      return null; // not JSON after all: the caller writes it as a string
    }
  }
}
