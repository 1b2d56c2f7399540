package dev.tusk.cli.output;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Formats one {@link ResultTable} for {@code tusk sql}: an aligned table for people, CSV or JSON
 * for programs. Renderers write straight to the given writer (no whole-output string is built) and
 * never close it.
 */
public sealed interface ResultRenderer permits TableRenderer, CsvRenderer, JsonRenderer {

  void render(ResultTable table, Writer out) throws IOException;

  /** The rendering as a string; for tests and small outputs. */
  default String renderToString(ResultTable table) {
    StringWriter out = new StringWriter();
    try {
      render(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
