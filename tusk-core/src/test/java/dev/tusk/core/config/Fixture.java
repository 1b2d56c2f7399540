package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a tusk.yaml into a temporary directory and loads it with a controlled environment. The
 * file is named relative to the working directory ({@code tusk.yaml}), so error locations read
 * exactly as a user would see them: {@code tusk.yaml:3:9}.
 */
final class Fixture {

  final Path dir;
  final Map<String, String> env = new HashMap<>();

  Fixture(Path dir) {
    this.dir = dir;
  }

  Fixture env(String name, String value) {
    env.put(name, value);
    return this;
  }

  ConfigLoader loader() {
    return new ConfigLoader(env, dir);
  }

  Path write(String name, String text) {
    return writeBytes(name, text.getBytes(StandardCharsets.UTF_8));
  }

  Path writeBytes(String name, byte[] bytes) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TuskConfig load(String yaml) {
    write("tusk.yaml", yaml);
    return loader().load(Optional.of(Path.of("tusk.yaml")));
  }

  TuskConfig loadNoFile() {
    return loader().load(Optional.empty());
  }

  /** Loads and expects a ConfigException; returns it for further checks. */
  ConfigException fail(String yaml) {
    write("tusk.yaml", yaml);
    return failLoading(Optional.of(Path.of("tusk.yaml")));
  }

  ConfigException failLoading(Optional<Path> file) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(() -> loader().load(file))
        .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
    return caught[0];
  }

  /** Joins lines with '\n', so tests can write a file line by line and count lines. */
  static String yaml(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
