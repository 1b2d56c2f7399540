package dev.tusk.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole effective configuration: an immutable value, validated once by {@link ConfigLoader}.
 * Every path in it is absolute (relative paths in the file are resolved against the file's
 * directory, or the working directory when there is no file). {@code api} is empty when the file
 * has no {@code api} section (and no {@code TUSK_API_*} variable is set): then there is no REST
 * API. {@code migrations} is always present in a config from the loader (a missing section means
 * the defaults, see {@link MigrationsConfig}); it is empty only in configs built by hand, such as
 * the testkit's, which manage no migrations.
 */
public record TuskConfig(
    Optional<Path> source,
    ClusterConfig cluster,
    PostgresConfig postgres,
    List<DatabaseConfig> databases,
    List<RoleConfig> roles,
    AdminConfig admin,
    Optional<ApiConfig> api,
    Optional<MigrationsConfig> migrations) {

  public Path home() {
    return cluster.home();
  }

  public Path tlsDir() {
    return cluster.home().resolve("tls");
  }

  public Path secretsDir() {
    return cluster.home().resolve("secrets");
  }

  public Path logFile() {
    return cluster.home().resolve("tusk.log");
  }
}
