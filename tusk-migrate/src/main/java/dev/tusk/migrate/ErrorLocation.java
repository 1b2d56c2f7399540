package dev.tusk.migrate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a server error back to a file line. PostgreSQL reports a syntax or resolution error's
 * position as a 1-based character (not byte, not UTF-16 unit) index into the statement, and a bad
 * COPY row as {@code COPY t, line N} in the error's context; the splitter knows where each
 * statement and its data start. Errors with neither (most runtime errors) point at the statement's
 * first line.
 */
final class ErrorLocation {

  private static final Pattern COPY_LINE = Pattern.compile("COPY [^\\n]*?, line (\\d{1,9})");

  private ErrorLocation() {}

  /**
   * @param position the error's position, 0 when the server gave none
   * @param where the error's context ({@code where}), or null
   */
  static int line(SqlStatement st, int position, String where) {
    if (st instanceof SqlStatement.CopyIn copy && where != null) {
      Matcher m = COPY_LINE.matcher(where);
      if (m.find()) {
        return copy.dataLine() + Integer.parseInt(m.group(1)) - 1;
      }
    }
    String sql = st.sql();
    if (position <= 0) {
      return st.line();
    }
    int codePoints = sql.codePointCount(0, sql.length());
    int end = sql.offsetByCodePoints(0, Math.min(position - 1, codePoints));
    int line = st.line();
    for (int i = 0; i < end; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
