package dev.tusk.engine.binaries;

import dev.tusk.core.config.PostgresConfig;
import dev.tusk.core.config.TlsConfig;
import dev.tusk.core.config.TlsMode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** PostgresConfig values for tests; only version and bin_dir matter to the resolver. */
final class Configs {

  private Configs() {}

  static PostgresConfig postgres(int version, Optional<Path> binDir) {
    return new PostgresConfig(
        version,
        binDir,
        Path.of("tusk-data/pgdata"),
        "127.0.0.1",
        5432,
        "postgres",
        "postgres",
        Optional.empty(),
        Map.of(),
        new TlsConfig(
            TlsMode.OFF, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
  }

  static PostgresConfig embedded(int version) {
    return postgres(version, Optional.empty());
  }
}
