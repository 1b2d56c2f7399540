package dev.tusk.cli.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: a header row of column names, then one record per row. A field is quoted when it
 * contains a comma, a double quote, CR or LF, and a quote inside is doubled. SQL NULL is an empty
 * unquoted field and the empty string is {@code ""}, so the two stay distinguishable (PostgreSQL's
 * {@code COPY ... CSV} reads them back the same way). Values are written exactly as the database
 * returned them, control characters included: CSV is for programs, and the data must survive.
 *
 * <p>Records end with CRLF, as RFC 4180 says, unless the renderer is made with {@code "\n"} (what
 * psql's {@code --csv} writes and Unix tools prefer). A statement without a result set writes
 * nothing: its command tag would otherwise be read as a data record.
 */
public final class CsvRenderer implements ResultRenderer {

  private final String recordEnd;

  /** RFC 4180: records end with CRLF. */
  public CsvRenderer() {
    this("\r\n");
  }

  /**
   * @param recordEnd {@code "\r\n"} or {@code "\n"}
   */
  public CsvRenderer(String recordEnd) {
    if (!"\r\n".equals(recordEnd) && !"\n".equals(recordEnd)) {
      throw new IllegalArgumentException("a CSV record ends with \\r\\n or \\n, not " + recordEnd);
    }
    this.recordEnd = recordEnd;
  }

  @Override
  public void render(ResultTable table, Writer out) throws IOException {
    if (!table.hasResultSet()) {
      return;
    }
    StringBuilder record = new StringBuilder();
    writeRecord(out, record, table.columns());
    for (List<String> row : table.rows()) {
      writeRecord(out, record, row);
    }
  }

  private void writeRecord(Writer out, StringBuilder record, List<String> fields)
      throws IOException {
    record.setLength(0);
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        record.append(',');
      }
      appendField(record, fields.get(i));
    }
    out.append(record.append(recordEnd));
  }

  static void appendField(StringBuilder out, String value) {
    if (value == null) {
      return;
    }
    if (!value.isEmpty() && !needsQuotes(value)) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '"') {
        out.append('"');
      }
      out.append(ch);
    }
    out.append('"');
  }

  private static boolean needsQuotes(String value) {
    if (value.equals("\\.")) {
      return true; // alone on a line, COPY FROM reads \. as end of data; COPY TO quotes it too
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') {
        return true;
      }
    }
    return false;
  }
}
