package dev.tusk.migrate;

import java.util.Optional;

/**
 * A versioned migration: its up script and, when the file exists, its down script. The checksum is
 * the up file's (what the history records); down files may be edited freely.
 */
public record VersionedMigration(
    Version version, String name, SqlScript up, String checksum, Optional<SqlScript> down) {

  /** {@code V<version> <name>}, how messages name a migration. */
  public String label() {
    return "V" + version + " " + name;
  }
}
