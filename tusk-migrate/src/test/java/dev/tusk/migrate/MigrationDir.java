package dev.tusk.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A migrations directory on disk that a test writes, edits and scans. Public so that the ITs in the
 * subpackages (tenant, drift) use it too.
 */
public record MigrationDir(Path path) {

  public MigrationDir write(String name, String sql) {
    try {
      Files.writeString(path.resolve(name), sql, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public MigrationDir delete(String name) {
    try {
      Files.delete(path.resolve(name));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public MigrationSet scan() {
    return new MigrationScanner().scan(path);
  }
}
