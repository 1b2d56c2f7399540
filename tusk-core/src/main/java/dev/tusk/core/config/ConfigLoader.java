package dev.tusk.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Loads tusk.yaml into a validated {@link TuskConfig}: read (bounded, UTF-8), parse into a node
 * tree that keeps line and column, resolve {@code ${env:...}}/{@code ${file:...}} references, apply
 * {@code TUSK_*} overrides (see {@link ConfigOption}), validate, and fail on the first problem with
 * a {@link dev.tusk.core.error.ConfigException} that names the key and the place.
 *
 * <p>The environment and the working directory are constructor arguments, never read from the
 * process, so tests (and {@code tusk config check} for another environment) control both.
 */
public final class ConfigLoader {

  /** The file looked for in the working directory when none is named. */
  public static final String DEFAULT_FILE = "tusk.yaml";

  /** Largest config file accepted, checked before parsing. */
  public static final int MAX_FILE_BYTES = 1024 * 1024;

  private final Map<String, String> env;
  private final Path workingDir;

  public ConfigLoader(Map<String, String> env, Path workingDir) {
    this.env = Map.copyOf(env);
    this.workingDir = workingDir.toAbsolutePath().normalize();
  }

  /**
   * Loads the named file (relative to the working directory); with none named, {@code tusk.yaml} in
   * the working directory if there is one, else the defaults (plus environment overrides).
   *
   * @throws dev.tusk.core.error.ConfigException if the file is missing (when named), unreadable,
   *     malformed or invalid
   */
  public TuskConfig load(Optional<Path> file) {
    Optional<Path> chosen = file;
    if (chosen.isEmpty() && Files.isRegularFile(workingDir.resolve(DEFAULT_FILE))) {
      chosen = Optional.of(Path.of(DEFAULT_FILE));
    }
    if (chosen.isEmpty()) {
      ReadContext ctx = new ReadContext(env, workingDir, workingDir, "(no config file)");
      return new ConfigBinder(ctx).bind(Optional.empty(), Optional.empty());
    }
    String label = chosen.get().toString();
    Path path = workingDir.resolve(chosen.get()).toAbsolutePath().normalize();
    String text =
        ConfigText.read(
            path,
            "config file " + label,
            MAX_FILE_BYTES,
            "check the path, or run `tusk init` to create a tusk.yaml");
    Path configDir = path.getParent();
    ReadContext ctx = new ReadContext(env, workingDir, configDir, label);
    Optional<Node> rootNode =
        YamlDocument.parse(text, label)
            .filter(n -> !(n instanceof ScalarNode s && s.getTag().equals(Tag.NULL)));
    Optional<YamlMap> root = rootNode.map(n -> YamlMap.of(ctx, n, ""));
    return new ConfigBinder(ctx).bind(Optional.of(path), root);
  }
}
