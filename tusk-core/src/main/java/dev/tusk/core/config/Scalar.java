package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One scalar on its way into a record: its text after {@code ${...}} references (empty for YAML
 * {@code null}), the key path it belongs to, where it came from, the source a {@link Secret} made
 * from it records, and the directory a relative path in it resolves against (the config file's
 * directory for values from the file, the working directory for environment overrides).
 */
record Scalar(String path, Optional<String> text, Origin origin, String source, Path baseDir) {

  private static final int SHOWN_MAX = 80;

  boolean isNull() {
    return text.isEmpty();
  }

  /** The value as an error message shows it: quoted, escaped, shortened. */
  String shown() {
    return text.map(Scalar::quote).orElse("null");
  }

  /** A key as a message shows it: escaped and shortened like a value, without the quotes. */
  static String bare(String s) {
    String quoted = quote(s);
    return quoted.substring(1, quoted.length() - 1);
  }

  static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    int limit = Math.min(s.length(), SHOWN_MAX);
    for (int i = 0; i < limit; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (s.length() > SHOWN_MAX) {
      out.append("...");
    }
    return out.append('"').toString();
  }
}
