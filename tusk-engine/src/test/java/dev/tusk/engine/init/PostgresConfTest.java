package dev.tusk.engine.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.config.PostgresConfig;
import dev.tusk.core.config.TlsConfig;
import dev.tusk.core.config.TlsMode;
import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresConfTest {

  private static final long GB = 1024L * 1024 * 1024;
  private static final MachineFacts EIGHT_GB = new MachineFacts(8 * GB, 4);

  static PostgresConfig pg(Map<String, String> parameters) {
    return new PostgresConfig(
        18,
        Optional.empty(),
        Path.of("/data/pgdata"),
        "127.0.0.1",
        5432,
        "postgres",
        "postgres",
        Optional.empty(),
        parameters,
        new TlsConfig(
            TlsMode.AUTO, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
  }

  static ServerLayout tls() {
    return new ServerLayout(
        Path.of("/data/pgdata"),
        Optional.of(Path.of("/data/tls/server.crt")),
        Optional.of(Path.of("/data/tls/server.key")),
        Optional.of(Path.of("/data/tls/ca.crt")),
        Path.of("/tmp"));
  }

  @Test
  void sizesMemoryFromTheMachine() {
    Map<String, String> s = PostgresConf.settings(pg(Map.of()), tls(), EIGHT_GB, 18);
    assertThat(s)
        .containsEntry("shared_buffers", "2048MB")
        .containsEntry("effective_cache_size", "6144MB")
        .containsEntry("maintenance_work_mem", "512MB")
        .containsEntry("max_connections", "100")
        .containsEntry("work_mem", "15MB");
  }

  @Test
  void smallMachinesGetFloorsNotZero() {
    Map<String, String> s =
        PostgresConf.settings(pg(Map.of()), tls(), new MachineFacts(256L * 1024 * 1024, 1), 18);
    assertThat(s)
        .containsEntry("shared_buffers", "128MB")
        .containsEntry("work_mem", "4MB")
        .containsEntry("maintenance_work_mem", "64MB");
  }

  @Test
  void writesTheSettingsTuskOwns() {
    Map<String, String> s = PostgresConf.settings(pg(Map.of()), tls(), EIGHT_GB, 18);
    assertThat(s)
        .containsEntry("ssl", "on")
        .containsEntry("ssl_cert_file", "/data/tls/server.crt")
        .containsEntry("ssl_key_file", "/data/tls/server.key")
        .containsEntry("ssl_ca_file", "/data/tls/ca.crt")
        .containsEntry("password_encryption", "scram-sha-256")
        .containsEntry("wal_level", "replica")
        .containsEntry("shared_preload_libraries", "pg_stat_statements")
        .containsEntry("log_destination", "jsonlog")
        .containsEntry("listen_addresses", "127.0.0.1")
        .containsEntry("port", "5432");
  }

  @Test
  void olderServersLogCsvAndTlsOffSaysSo() {
    ServerLayout plain =
        new ServerLayout(
            Path.of("/d"), Optional.empty(), Optional.empty(), Optional.empty(), Path.of("/tmp"));
    Map<String, String> s = PostgresConf.settings(pg(Map.of()), plain, EIGHT_GB, 14);
    assertThat(s).containsEntry("log_destination", "csvlog").containsEntry("ssl", "off");
    assertThat(s).doesNotContainKey("ssl_cert_file");
  }

  @Test
  void userParametersOverrideDefaultsAndMaxConnectionsFeedsWorkMem() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("shared_buffers", "1GB");
    params.put("max_connections", "400");
    params.put("statement_timeout", "30s");
    Map<String, String> s = PostgresConf.settings(pg(params), tls(), EIGHT_GB, 18);
    assertThat(s)
        .containsEntry("shared_buffers", "1GB")
        .containsEntry("max_connections", "400")
        .containsEntry("statement_timeout", "30s")
        .containsEntry("work_mem", "4MB");
  }

  @Test
  void renderQuotesEveryValueSoAHostileValueStaysOneSetting() {
    String text =
        PostgresConf.render(pg(Map.of("application_name", "x' ; ssl = 'off")), tls(), EIGHT_GB, 18);
    assertThat(text).contains("application_name = 'x'' ; ssl = ''off'\n");
    assertThat(text.lines().filter(l -> l.startsWith("ssl = "))).containsExactly("ssl = 'on'");
    assertThat(PostgresConf.quote("a\\b")).isEqualTo("'a\\\\b'");
  }

  @Test
  void refusesLineBreaksAndNul() {
    for (String bad : new String[] {"a\nssl = off", "a\rb", "a\0b"}) {
      assertThatThrownBy(
              () -> PostgresConf.render(pg(Map.of("application_name", bad)), tls(), EIGHT_GB, 18))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("postgres.parameters.application_name");
    }
  }

  @Test
  void refusesSettingsThatHaveTheirOwnKey() {
    assertThatThrownBy(() -> PostgresConf.settings(pg(Map.of("port", "1")), tls(), EIGHT_GB, 18))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("postgres.parameters.port is managed by Tusk")
        .satisfies(
            e -> assertThat(((ConfigException) e).hint()).contains("set postgres.port instead"));
    assertThatThrownBy(() -> PostgresConf.settings(pg(Map.of("ssl", "off")), tls(), EIGHT_GB, 18))
        .hasMessageContaining("managed by Tusk");
  }

  @Test
  void refusesBadMaxConnectionsAndWalLevel() {
    for (String bad : new String[] {"abc", "0", "-5", "99999999", "1.5"}) {
      assertThatThrownBy(
              () -> PostgresConf.settings(pg(Map.of("max_connections", bad)), tls(), EIGHT_GB, 18))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("max_connections must be an integer");
    }
    assertThatThrownBy(
            () -> PostgresConf.settings(pg(Map.of("wal_level", "minimal")), tls(), EIGHT_GB, 18))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("wal_level must be replica or logical");
  }
}
