package dev.tusk.cli.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One file {@code tusk init} writes: a classpath resource under {@code dev/tusk/cli/scaffold/} and
 * the path it gets, relative to the new project. Resources avoid dot-names ({@code gitignore}, not
 * {@code .gitignore}) because build tools skip dotfiles by default.
 */
record Template(String resource, String target) {

  /** Everything {@code tusk init} writes, in the order it writes it. */
  static final List<Template> ALL =
      List.of(
          new Template("tusk.yaml", "tusk.yaml"),
          new Template("gitignore", ".gitignore"),
          new Template("gitkeep", "migrations/.gitkeep"),
          new Template("001-init.sql", "sql/001-init.sql"));

  /** The template's text; a missing resource is a packaging bug, not a user error. */
  String read() {
    try (InputStream in = Template.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("scaffold template missing from the build: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scaffold template " + resource, e);
    }
  }
}
