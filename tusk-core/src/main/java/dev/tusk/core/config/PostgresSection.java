package dev.tusk.core.config;

import static dev.tusk.core.config.ConfigOption.POSTGRES_BIN_DIR;
import static dev.tusk.core.config.ConfigOption.POSTGRES_DATA_DIR;
import static dev.tusk.core.config.ConfigOption.POSTGRES_LISTEN;
import static dev.tusk.core.config.ConfigOption.POSTGRES_OS_USER;
import static dev.tusk.core.config.ConfigOption.POSTGRES_PORT;
import static dev.tusk.core.config.ConfigOption.POSTGRES_SUPERUSER;
import static dev.tusk.core.config.ConfigOption.POSTGRES_SUPERUSER_PASSWORD;
import static dev.tusk.core.config.ConfigOption.POSTGRES_VERSION;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads {@code postgres}; the data directory defaults to {@code <cluster.home>/pgdata}. */
final class PostgresSection {

  /** The PostgreSQL major versions Tusk knows how to run. */
  static final int MIN_VERSION = 13;

  static final int MAX_VERSION = 18;

  private PostgresSection() {}

  static PostgresConfig read(ReadContext ctx, Optional<YamlMap> map, Path home) {
    SectionValues values = new SectionValues(ctx, "postgres", map, List.of("parameters", "tls"));
    int version = Convert.integer(values.get(POSTGRES_VERSION), MIN_VERSION, MAX_VERSION);
    Optional<Path> binDir = Convert.optionalPath(values.get(POSTGRES_BIN_DIR));
    Scalar dataDirValue = values.get(POSTGRES_DATA_DIR);
    Path dataDir = Convert.optionalPath(dataDirValue).orElse(home.resolve("pgdata"));
    String listen = Names.listenAddresses(values.get(POSTGRES_LISTEN));
    int port = Convert.integer(values.get(POSTGRES_PORT), 1, 65535);
    String osUser = Names.osUser(values.get(POSTGRES_OS_USER));
    String superuser = Names.roleName(values.get(POSTGRES_SUPERUSER));
    Optional<Secret> password = Convert.secret(values.get(POSTGRES_SUPERUSER_PASSWORD));
    Optional<YamlMap> parameters = map.flatMap(m -> m.map("parameters"));
    Optional<YamlMap> tls = map.flatMap(m -> m.map("tls"));
    return new PostgresConfig(
        version,
        binDir,
        dataDir,
        listen,
        port,
        osUser,
        superuser,
        password,
        ParametersSection.read(ctx, parameters),
        TlsSection.read(ctx, tls));
  }
}
