package dev.tusk.cli.output;

import dev.tusk.cli.output.TerminalText.Line;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * psql's aligned format, so {@code tusk sql} reads like the tool people know:
 *
 * <pre>
 *  id | name
 * ----+-------
 *   1 | alice
 *   2 | bob +
 *     | smith
 * (2 rows)
 * </pre>
 *
 * Headers are centred, numbers right-aligned, other values left-aligned; a value with newlines
 * continues on the next line and every line but its last ends with {@code +} in the padding after
 * the cell. Widths are display widths (CJK and emoji count 2), and control characters are escaped
 * (see {@link TerminalText}). NULL shows as {@code nullDisplay} (empty by default, like psql). A
 * statement without a result set prints its command tag. The cells' display lines are computed
 * once, since a column's width is known only after every row has been seen.
 */
public final class TableRenderer implements ResultRenderer {

  private enum Align {
    LEFT,
    RIGHT,
    CENTER
  }

  private final String nullDisplay;

  public TableRenderer() {
    this("");
  }

  public TableRenderer(String nullDisplay) {
    this.nullDisplay = Objects.requireNonNull(nullDisplay, "nullDisplay");
  }

  @Override
  public void render(ResultTable table, Writer out) throws IOException {
    if (!table.hasResultSet()) {
      out.write(String.join("\n", texts(TerminalText.lines(table.commandTag()))));
      out.write('\n');
      return;
    }
    int columns = table.columns().size();
    List<List<Line>> header = new ArrayList<>(columns);
    int[] widths = new int[columns];
    for (int c = 0; c < columns; c++) {
      header.add(TerminalText.lines(table.columns().get(c)));
      widths[c] = maxWidth(header.get(c), 0);
    }
    List<List<List<Line>>> rows = new ArrayList<>(table.rows().size());
    for (List<String> row : table.rows()) {
      List<List<Line>> cells = new ArrayList<>(columns);
      for (int c = 0; c < columns; c++) {
        String value = row.get(c);
        cells.add(TerminalText.lines(value == null ? nullDisplay : value));
        widths[c] = maxWidth(cells.get(c), widths[c]);
      }
      rows.add(cells);
    }
    Align[] headerAlign = new Align[columns];
    Align[] valueAlign = new Align[columns];
    for (int c = 0; c < columns; c++) {
      headerAlign[c] = Align.CENTER;
      valueAlign[c] = table.kinds().get(c) == ColumnKind.NUMBER ? Align.RIGHT : Align.LEFT;
    }
    if (columns > 0) {
      writeRow(out, header, widths, headerAlign);
    }
    out.write(separator(widths));
    if (columns > 0) {
      for (List<List<Line>> cells : rows) {
        writeRow(out, cells, widths, valueAlign);
      }
    }
    int n = table.rows().size();
    out.write(n == 1 ? "(1 row)\n" : "(" + n + " rows)\n");
  }

  private static void writeRow(Writer out, List<List<Line>> cells, int[] widths, Align[] align)
      throws IOException {
    int height = 1;
    for (List<Line> cell : cells) {
      height = Math.max(height, cell.size());
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < height; i++) {
      line.setLength(0);
      for (int c = 0; c < cells.size(); c++) {
        List<Line> cell = cells.get(c);
        Line text = i < cell.size() ? cell.get(i) : Line.EMPTY;
        boolean continued = i < cell.size() - 1;
        boolean last = c == cells.size() - 1;
        if (c > 0) {
          line.append('|');
        }
        int pad = widths[c] - text.width();
        int left =
            switch (align[c]) {
              case LEFT -> 0;
              case RIGHT -> pad;
              case CENTER -> pad / 2;
            };
        if (last && !continued) {
          // No trailing padding after the last column, as psql.
          if (!text.text().isEmpty()) {
            line.append(' ').repeat(' ', left).append(text.text());
          }
        } else {
          line.append(' ').repeat(' ', left).append(text.text()).repeat(' ', pad - left);
          line.append(continued ? '+' : ' ');
        }
      }
      line.append('\n');
      out.append(line);
    }
  }

  private static String separator(int[] widths) {
    if (widths.length == 0) {
      return "--\n"; // psql's rule for a result with no columns (SELECT;)
    }
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < widths.length; c++) {
      if (c > 0) {
        line.append('+');
      }
      line.repeat('-', widths[c] + 2);
    }
    return line.append('\n').toString();
  }

  private static int maxWidth(List<Line> lines, int atLeast) {
    int max = atLeast;
    for (Line line : lines) {
      max = Math.max(max, line.width());
    }
    return max;
  }

  private static List<String> texts(List<Line> lines) {
    return lines.stream().map(Line::text).toList();
  }
}
