package dev.tusk.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A result set as one JSON array of objects on one line, {@code [{"id":1,"name":"alice"}]}, for
 * {@code jq} and scripts. NULL is {@code null}. Values are strings, except by {@link ColumnKind}:
 * numbers are JSON numbers (their exact text, so no precision is lost; {@code NaN} and {@code
 * Infinity} stay strings), booleans are {@code true}/{@code false}, and json/jsonb values are
 * embedded as JSON; a value that does not fit its kind is written as a string.
 *
 * <p>Object keys are the column names; a repeated name gets a suffix ({@code SELECT 1 AS a, 2 AS a}
 * gives {@code {"a":1,"a_2":2}}, see {@link ColumnKeys}), so no value is lost. A statement without
 * a result set writes {@code {"command":"INSERT 0 1"}}. Control, bidi and C1 characters are escaped
 * ({@link JsonEscapes}).
 */
public final class JsonRenderer implements ResultRenderer {

  /** RFC 8259's number grammar. */
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  private final JsonFactory factory;
  private final JsonEscapes escapes = new JsonEscapes();

  public JsonRenderer() {
    this.factory =
        JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            .build();
  }

  @Override
  public void render(ResultTable table, Writer out) throws IOException {
    try (JsonGenerator json = factory.createGenerator(out)) {
      json.setCharacterEscapes(escapes);
      if (!table.hasResultSet()) {
        json.writeStartObject();
        json.writeStringField("command", table.commandTag());
        json.writeEndObject();
      } else {
        writeRows(json, table);
      }
      json.writeRaw('\n');
    }
  }

  private void writeRows(JsonGenerator json, ResultTable table) throws IOException {
    List<String> keys = ColumnKeys.unique(table.columns());
    JsonValues embedded = new JsonValues(factory, escapes);
    json.writeStartArray();
    for (List<String> row : table.rows()) {
      json.writeStartObject();
      for (int c = 0; c < keys.size(); c++) {
        json.writeFieldName(keys.get(c));
        writeValue(json, table.kinds().get(c), row.get(c), embedded);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeValue(
      JsonGenerator json, ColumnKind kind, String value, JsonValues embedded) throws IOException {
    if (value == null) {
      json.writeNull();
      return;
    }
    switch (kind) {
      case NUMBER -> {
        if (JSON_NUMBER.matcher(value).matches()) {
          json.writeNumber(value); // the text as is: no rounding through double
        } else {
          json.writeString(value);
        }
      }
      case BOOLEAN -> {
        switch (value) {
          case "t", "true" -> json.writeBoolean(true);
          case "f", "false" -> json.writeBoolean(false);
          default -> json.writeString(value);
        }
      }
      case JSON -> {
        String reencoded = embedded.reencode(value);
        if (reencoded != null) {
          json.writeRawValue(reencoded);
        } else {
          json.writeString(value);
        }
      }
      case TEXT -> json.writeString(value);
    }
  }
}
