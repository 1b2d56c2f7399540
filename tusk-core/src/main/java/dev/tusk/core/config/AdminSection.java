package dev.tusk.core.config;

import static dev.tusk.core.config.ConfigOption.ADMIN_ENABLED;
import static dev.tusk.core.config.ConfigOption.ADMIN_LISTEN;
import static dev.tusk.core.config.ConfigOption.ADMIN_PORT;

import dev.tusk.core.error.ConfigException;
import java.util.List;
import java.util.Optional;

/** Reads {@code admin}, and refuses a port that PostgreSQL already uses. */
final class AdminSection {

  private AdminSection() {}

  static AdminConfig read(ReadContext ctx, Optional<YamlMap> map, PostgresConfig postgres) {
    SectionValues values = new SectionValues(ctx, "admin", map, List.of());
    boolean enabled = Convert.bool(values.get(ADMIN_ENABLED));
    String listen = Names.hostAddress(values.get(ADMIN_LISTEN));
    Scalar portValue = values.get(ADMIN_PORT);
    int port = Convert.integer(portValue, 1, 65535);
    if (enabled && port == postgres.port()) {
      throw new ConfigException(
          ConfigErrors.BAD_VALUE,
          "admin.port "
              + port
              + " "
              + portValue.origin().describe()
              + " is also postgres.port; the two servers need different ports",
          portValue.origin().fix() + " or change postgres.port");
    }
    return new AdminConfig(enabled, listen, port);
  }
}
