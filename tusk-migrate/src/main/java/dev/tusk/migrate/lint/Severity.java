package dev.tusk.migrate.lint;

import java.util.Locale;

/**
 * How bad a finding is. A warning is a risk a person should weigh (a rewrite, a blocking index); an
 * error is SQL that will fail or is wrong as written. {@code tusk migrate lint} exits 1 on any
 * error, and with {@code --strict} on any warning too.
 */
public enum Severity {
  WARNING,
  ERROR;

  /** {@code warning} or {@code error}, as text and JSON output spell it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
