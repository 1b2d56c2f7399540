package dev.tusk.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A migrations directory on disk that a test writes, edits and scans. */
record MigrationDir(Path path) {

  MigrationDir write(String name, String sql) {
    try {
      Files.writeString(path.resolve(name), sql, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  MigrationDir delete(String name) {
    try {
      Files.delete(path.resolve(name));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  MigrationSet scan() {
    return new MigrationScanner().scan(path);
  }
}
