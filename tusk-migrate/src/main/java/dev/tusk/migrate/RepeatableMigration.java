package dev.tusk.migrate;

/** A repeatable migration ({@code R__<name>.sql}), re-applied whenever its checksum changes. */
public record RepeatableMigration(String name, SqlScript script, String checksum) {

  public String label() {
    return "R " + name;
  }
}
