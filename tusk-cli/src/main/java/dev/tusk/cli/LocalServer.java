package dev.tusk.cli;

import dev.tusk.core.config.RoleConfig;
import dev.tusk.core.config.Secret;
import dev.tusk.core.config.TlsMode;
import dev.tusk.core.config.TuskConfig;
import dev.tusk.core.error.ConfigException;
import dev.tusk.engine.init.SecretStore;
import dev.tusk.engine.sql.Connector;
import dev.tusk.engine.sql.Endpoint;
import java.security.SecureRandom;
import java.util.Optional;

/** How client commands ({@code tusk sql}) reach the server that {@code tusk up} runs. */
public final class LocalServer {

  private LocalServer() {}

  public static Endpoint endpoint(TuskConfig cfg) {
    String host = Endpoint.clientHost(cfg.postgres().listen());
    int port = cfg.postgres().port();
    return switch (cfg.postgres().tls().mode()) {
      case OFF -> new Endpoint(host, port, "disable", Optional.empty());
      case AUTO ->
          new Endpoint(host, port, "verify-full", Optional.of(cfg.tlsDir().resolve("ca.crt")));
      case FILES -> new Endpoint(host, port, "require", Optional.empty());
    };
  }

  /**
   * A connector for {@code role} (the superuser when empty), with its configured or stored
   * password.
   */
  public static Connector connector(TuskConfig cfg, Optional<String> role) {
    String user = role.orElse(cfg.postgres().superuser());
    Optional<Secret> configured =
        user.equals(cfg.postgres().superuser())
            ? cfg.postgres().superuserPassword()
            : cfg.roles().stream()
                .filter(r -> r.name().equals(user))
                .findFirst()
                .flatMap(RoleConfig::password);
    Secret password =
        new SecretStore(cfg.secretsDir(), new SecureRandom())
            .existing(user, configured)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "sql.no_password",
                        "no password is known for role "
                            + user
                            + " (none in config, none stored under "
                            + cfg.secretsDir()
                            + ")",
                        "start the platform once with tusk up, or set the password in tusk.yaml"));
    if (cfg.postgres().tls().mode() == TlsMode.AUTO
        && !java.nio.file.Files.exists(cfg.tlsDir().resolve("ca.crt"))) {
      throw new ConfigException(
          "sql.no_ca",
          "the server's CA certificate " + cfg.tlsDir().resolve("ca.crt") + " does not exist",
          "start the platform once with tusk up (it creates the certificates)");
    }
    return new Connector(endpoint(cfg), user, password);
  }
}
