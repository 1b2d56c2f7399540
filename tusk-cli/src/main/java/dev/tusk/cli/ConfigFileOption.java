package dev.tusk.cli;

import dev.tusk.core.config.ConfigLoader;
import dev.tusk.core.config.TuskConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code -c FILE}: the config file; without it ./tusk.yaml if present, else the defaults. */
public final class ConfigFileOption {

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "config file (default: ./tusk.yaml if it exists, else built-in defaults)")
  Path file;

  /** The file to load, if any. */
  public Optional<Path> resolve(Cli cli) {
    if (file != null) {
      return Optional.of(cli.workingDir().resolve(file));
    }
    Path implicit = cli.workingDir().resolve(ConfigLoader.DEFAULT_FILE);
    return Files.isRegularFile(implicit) ? Optional.of(implicit) : Optional.empty();
  }

  /** Loads and validates the config; a ConfigException names what is wrong. */
  public TuskConfig load(Cli cli) {
    return new ConfigLoader(cli.env(), cli.workingDir()).load(resolve(cli));
  }
}
