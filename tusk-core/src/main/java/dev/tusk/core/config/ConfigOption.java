package dev.tusk.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every scalar key of tusk.yaml that has a {@code TUSK_*} environment override, in the style of
 * pgjdbc's {@code PGProperty}: the key path, its type, its default and what it does. The
 * environment variable is derived from the key path ({@code postgres.tls.mode} → {@code
 * TUSK_POSTGRES_TLS_MODE}), never written by hand, so the two cannot drift apart; a unit test
 * checks the derived names are unique. List entries ({@code databases}, {@code roles}) and the
 * {@code postgres.parameters} map have no overrides: they are not scalar keys.
 */
public enum ConfigOption {
  CLUSTER_NAME(
      "cluster.name",
      Kind.STRING,
      "db-app-dev",
      "Cluster name, db-<service>-<environment>: ^[a-z][a-z0-9-]{0,62}$."),
  CLUSTER_HOME(
      "cluster.home",
      Kind.PATH,
      "./tusk-data",
      "Directory for pgdata/, tls/, secrets/ and tusk.log."),
  POSTGRES_VERSION(
      "postgres.version", Kind.INTEGER, "18", "PostgreSQL major version of the embedded binaries."),
  POSTGRES_BIN_DIR(
      "postgres.bin_dir",
      Kind.PATH,
      null,
      "Directory of a system installation's initdb/pg_ctl/postgres; null uses embedded binaries."),
  POSTGRES_DATA_DIR(
      "postgres.data_dir", Kind.PATH, null, "PostgreSQL data directory; default <home>/pgdata."),
  POSTGRES_LISTEN(
      "postgres.listen",
      Kind.STRING,
      "127.0.0.1",
      "listen_addresses: comma-separated host names or IP addresses, or *."),
  POSTGRES_PORT("postgres.port", Kind.INTEGER, "5432", "PostgreSQL TCP port, 1-65535."),
  POSTGRES_OS_USER(
      "postgres.os_user",
      Kind.STRING,
      "postgres",
      "Operating-system user that runs PostgreSQL when Tusk runs as root."),
  POSTGRES_SUPERUSER(
      "postgres.superuser", Kind.STRING, "postgres", "Name of the bootstrap superuser role."),
  POSTGRES_SUPERUSER_PASSWORD(
      "postgres.superuser_password",
      Kind.SECRET,
      null,
      "Superuser password; null has one generated and kept under <home>/secrets."),
  POSTGRES_TLS_MODE("postgres.tls.mode", Kind.CHOICE, "auto", "auto | files | off."),
  POSTGRES_TLS_DIR(
      "postgres.tls.dir",
      Kind.PATH,
      null,
      "mode files: certbot-style directory with fullchain.pem, privkey.pem, chain.pem."),
  POSTGRES_TLS_CERT_FILE(
      "postgres.tls.cert_file", Kind.PATH, null, "mode files: server certificate (PEM)."),
  POSTGRES_TLS_KEY_FILE("postgres.tls.key_file", Kind.PATH, null, "mode files: private key (PEM)."),
  POSTGRES_TLS_CA_FILE(
      "postgres.tls.ca_file", Kind.PATH, null, "mode files: CA or chain certificates (PEM)."),
  ADMIN_ENABLED(
      "admin.enabled",
      Kind.BOOLEAN,
      "true",
      "Serve /live, /ready, /status and /metrics over HTTP."),
  ADMIN_LISTEN(
      "admin.listen", Kind.STRING, "127.0.0.1", "Address of the admin HTTP server (one address)."),
  ADMIN_PORT("admin.port", Kind.INTEGER, "8008", "Port of the admin HTTP server, 1-65535.");

  /** How the value is read; the section that owns the key adds the range or pattern. */
  public enum Kind {
    STRING,
    INTEGER,
    BOOLEAN,
    PATH,
    SECRET,
    CHOICE
  }

  private final String key;
  private final Kind kind;
  private final String defaultValue;
  private final String description;

  ConfigOption(String key, Kind kind, String defaultValue, String description) {
    this.key = key;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  /** The dotted key path in tusk.yaml, such as {@code postgres.tls.mode}. */
  public String key() {
    return key;
  }

  /** The overriding environment variable, such as {@code TUSK_POSTGRES_TLS_MODE}. */
  public String envName() {
    return "TUSK_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The default as it would be written in the file; empty when the default is null or derived from
   * another key (see the description).
   */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  public String description() {
    return description;
  }

  /** The mapping that holds the key: {@code postgres.tls} for {@code postgres.tls.mode}. */
  public String section() {
    return key.substring(0, key.lastIndexOf('.'));
  }

  /** The key's own name inside its mapping: {@code mode} for {@code postgres.tls.mode}. */
  public String leaf() {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  /** The options that live directly in {@code section}, in declaration order. */
  public static List<ConfigOption> in(String section) {
    List<ConfigOption> out = new ArrayList<>();
    for (ConfigOption o : values()) {
      if (o.section().equals(section)) {
        out.add(o);
      }
    }
    return out;
  }
}
