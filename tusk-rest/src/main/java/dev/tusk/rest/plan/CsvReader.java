package dev.tusk.rest.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV bodies as PostgREST reads them: the first line names the columns, fields are separated by
 * commas, double quotes enclose fields with commas, quotes ({@code ""}) or line breaks, an unquoted
 * {@code NULL} is SQL NULL and an empty field is an empty string. Lines end in LF or CRLF; a final
 * line break is optional.
 */
final class CsvReader {

  private final String text;
  private int pos;

  private CsvReader(String text) {
    this.text = text;
  }

  /** Every line's fields; a null element is an unquoted NULL. */
  static List<List<String>> read(String text) {
    CsvReader r = new CsvReader(text);
    List<List<String>> lines = new ArrayList<>();
    while (r.pos < text.length()) {
      lines.add(r.line());
    }
    return lines;
  }

  private List<String> line() {
    List<String> fields = new ArrayList<>();
    while (true) {
      fields.add(field());
      if (pos >= text.length()) {
        return fields;
      }
      char c = text.charAt(pos++);
      if (c == '\n') {
        return fields;
      }
      if (c == '\r') {
        if (pos < text.length() && text.charAt(pos) == '\n') {
          pos++;
        }
        return fields;
      }
      // c is the comma between fields
    }
  }

  private String field() {
    if (pos < text.length() && text.charAt(pos) == '"') {
      pos++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw PlanErrors.invalidBody(
              "Invalid CSV body", "a quoted field is not closed before the end of the body");
        }
        char c = text.charAt(pos++);
        if (c == '"') {
          if (pos < text.length() && text.charAt(pos) == '"') {
            out.append('"');
            pos++;
            continue;
          }
          if (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
            throw PlanErrors.invalidBody(
                "Invalid CSV body", "a quoted field is followed by text at offset " + pos);
          }
          return out.toString();
        }
        out.append(c);
      }
    }
    int start = pos;
    while (pos < text.length() && ",\r\n".indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    String raw = text.substring(start, pos);
    return raw.equals("NULL") ? null : raw;
  }
}
