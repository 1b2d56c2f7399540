package dev.tusk.core.config;

import java.util.Objects;

/**
 * A secret value and where it came from ({@code env:TUSK_JWT_SECRET}, {@code file:/run/x}, {@code
 * literal}, {@code generated}). {@link #toString()} never shows the value, so a secret cannot leak
 * through a log line or {@code tusk config print} by accident.
 */
public record Secret(String value, String source) {

  public Secret {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  /** What {@code tusk config print} shows in place of the value. */
  public String redacted() {
    return "<redacted: " + source + ">";
  }

  @Override
  public String toString() {
    return redacted();
  }
}
