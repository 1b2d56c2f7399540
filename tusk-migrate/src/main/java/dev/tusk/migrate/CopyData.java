package dev.tusk.migrate;

import java.util.List;

/**
 * The data lines after {@code COPY ... FROM stdin;}, as psql reads them from a script: from the
 * next line up to a line that is exactly {@code \.}. The rest of the COPY line must be blank (psql
 * would treat text there as data, which is never what was meant). A missing {@code \.} is an error
 * naming the COPY line, instead of swallowing the rest of the file as rows.
 */
final class CopyData {

  private CopyData() {}

  /**
   * Reads the data after the {@code ;} at {@code semicolon}, adds the statement to {@code out} and
   * returns the offset after the {@code \.} line.
   */
  static int read(
      String s, SqlLexer lex, int semicolon, int line, String sql, List<SqlStatement> out) {
    int lineEnd = s.indexOf('\n', semicolon + 1);
    int restEnd = lineEnd < 0 ? s.length() : lineEnd;
    if (!s.substring(semicolon + 1, restEnd).isBlank()) {
      throw lex.error(
          "migrate.copy_data",
          semicolon,
          "text after COPY ... FROM stdin; on the same line; the data starts on the next line",
          "put nothing after the ; and the rows on the following lines, then a line \\.");
    }
    int dataStart = restEnd + 1;
    int k = dataStart;
    while (k < s.length()) {
      int e = s.indexOf('\n', k);
      int end = e < 0 ? s.length() : e;
      if (s.substring(k, end).equals("\\.")) {
        String data = s.substring(dataStart, k);
        out.add(new SqlStatement.CopyIn(line, sql, lex.lineAt(dataStart), data));
        return end;
      }
      k = end + 1;
    }
    throw lex.error(
        "migrate.copy_data",
        semicolon,
        "the data of this COPY ... FROM stdin never ends: no line \\. follows it",
        "end the rows with a line that holds only \\.");
  }
}
