package dev.tusk.cli.output;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns an untrusted value into lines that are safe to print on a terminal and whose display width
 * is known, so a table stays aligned whatever the database holds.
 *
 * <ul>
 *   <li>{@code \n} splits the value into lines (the table marks continued lines with {@code +}, as
 *       psql does).
 *   <li>{@code \t} becomes spaces up to the next multiple of 8 columns, as psql does.
 *   <li>Every other C0 control, DEL and C1 control ({@code \r}, ESC, BEL, CSI...) is shown as
 *       {@code \x1b}; bidirectional overrides and isolates and the line/paragraph separators, which
 *       reorder or break what is displayed around them, as backslash-u and four hex digits, and so
 *       are unpaired surrogates. No value can therefore inject a terminal escape sequence. A value
 *       that contains the literal text {@code \x1b} looks the same as one that contains ESC: like
 *       psql, this output is for reading, and {@code --csv}/{@code --json} carry the exact data.
 * </ul>
 */
final class TerminalText {

  /** One display line: safe text and its width in terminal columns. */
  record Line(String text, int width) {
    static final Line EMPTY = new Line("", 0);
  }

  private static final int TAB_STOP = 8;

  private TerminalText() {}

  static List<Line> lines(String value) {
    List<Line> lines = new ArrayList<>();
    int start = 0;
    while (true) {
      int newline = value.indexOf('\n', start);
      int end = newline < 0 ? value.length() : newline;
      lines.add(line(value.substring(start, end)));
      if (newline < 0) {
        return lines;
      }
      start = newline + 1;
    }
  }

  /** The display width of {@code value} on one line (tabs and escapes included). */
  static int width(String value) {
    return line(value).width();
  }

  private static Line line(String s) {
    StringBuilder text = new StringBuilder(s.length());
    int width = 0;
    BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
    clusters.setText(s);
    for (int start = clusters.first(), end = clusters.next();
        end != BreakIterator.DONE;
        start = end, end = clusters.next()) {
      if (!needsEscape(s, start, end)) {
        text.append(s, start, end);
        width += DisplayWidth.ofCluster(s, start, end);
        continue;
      }
      for (int i = start; i < end; ) {
        int cp = Character.codePointAt(s, i);
        i += Character.charCount(cp);
        if (cp == '\t') {
          int spaces = TAB_STOP - width % TAB_STOP;
          text.repeat(' ', spaces);
          width += spaces;
        } else if (isUnsafe(cp)) {
          String escape = escape(cp);
          text.append(escape);
          width += escape.length();
        } else {
          text.appendCodePoint(cp);
          width += DisplayWidth.of(cp);
        }
      }
    }
    return new Line(text.toString(), width);
  }

  private static boolean needsEscape(String s, int start, int end) {
    for (int i = start; i < end; ) {
      int cp = Character.codePointAt(s, i);
      if (cp == '\t' || isUnsafe(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /** Code points that must never reach a terminal raw. */
  static boolean isUnsafe(int cp) {
    return cp < 0x20
        || (cp >= 0x7F && cp <= 0x9F)
        || cp == 0x061C
        || cp == 0x200E
        || cp == 0x200F
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x2028
        || cp == 0x2029
        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
  }

  private static String escape(int cp) {
    return cp <= 0xFF ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp);
  }
}
