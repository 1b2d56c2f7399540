package dev.tusk.migrate;

import java.util.Locale;
import java.util.Optional;

/** One change {@code repair} makes to the history. */
public record RepairAction(Kind kind, Optional<Version> version, String name, String detail) {

  /** What repair does to a row. */
  public enum Kind {
    /** A row's checksum (and name) now match the current file. */
    REALIGNED,
    /** A failed row was deleted: the migration counts as not applied. */
    REMOVED_FAILED,
    /** A repeatable's row was deleted because its file is gone. */
    REMOVED_MISSING;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public String label() {
    return version.map(v -> "V" + v + " " + name).orElse("R " + name);
  }
}
