package dev.tusk.migrate;

import java.util.List;

/**
 * A plain aligned table: a header row, then rows, columns separated by two spaces, no trailing
 * spaces. Cells are short identifiers and timestamps, so width is the number of code points.
 */
public final class TextTable {

  private TextTable() {}

  public static String render(List<String> headers, List<List<String>> rows) {
    int[] widths = new int[headers.size()];
    measure(widths, headers);
    rows.forEach(r -> measure(widths, r));
    StringBuilder out = new StringBuilder();
    line(out, widths, headers);
    for (List<String> row : rows) {
      line(out, widths, row);
    }
    return out.toString();
  }

  private static void measure(int[] widths, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      widths[i] = Math.max(widths[i], width(cells.get(i)));
    }
  }

  private static void line(StringBuilder out, int[] widths, List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append("  ");
      }
      line.append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - width(cells.get(i))));
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static int width(String s) {
    return s.codePointCount(0, s.length());
  }
}
