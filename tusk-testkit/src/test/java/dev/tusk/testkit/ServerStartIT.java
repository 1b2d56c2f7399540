package dev.tusk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.config.Secret;
import dev.tusk.engine.sql.Connector;
import dev.tusk.engine.sql.Endpoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TuskPostgres.class)
class ServerStartIT {

  @Test
  void serverRunsTheEmbeddedMajorWithTlsChecksumsAndScram(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_setting('server_version_num')::int / 10000,"
                    + " (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()),"
                    + " current_setting('data_checksums'), current_setting('password_encryption'),"
                    + " current_setting('server_encoding'), (SELECT datcollate FROM pg_database WHERE datname = current_database()),"
                    + " current_setting('wal_level'), current_setting('shared_preload_libraries')")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(18);
      assertThat(rs.getBoolean(2)).as("connection uses TLS").isTrue();
      assertThat(rs.getString(3)).isEqualTo("on");
      assertThat(rs.getString(4)).isEqualTo("scram-sha-256");
      assertThat(rs.getString(5)).isEqualTo("UTF8");
      assertThat(rs.getString(6)).isEqualTo("C");
      assertThat(rs.getString(7)).isEqualTo("replica");
      assertThat(rs.getString(8)).isEqualTo("pg_stat_statements");
    }
  }

  @Test
  void verifyFullAgainstTheGeneratedCaWorksForIpAndName(TestServer server) throws SQLException {
    Path ca = server.config().tlsDir().resolve("ca.crt");
    Secret pw = passwordOf(server);
    for (String host : new String[] {"127.0.0.1", "localhost"}) {
      Endpoint e =
          new Endpoint(host, server.config().postgres().port(), "verify-full", Optional.of(ca));
      try (Connection c = new Connector(e, "postgres", pw).open("postgres")) {
        assertThat(c.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void plainTcpIsRejectedByPgHba(TestServer server) {
    Endpoint plain =
        new Endpoint("127.0.0.1", server.config().postgres().port(), "disable", Optional.empty());
    assertThatThrownBy(() -> new Connector(plain, "postgres", passwordOf(server)).open("postgres"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no encryption");
  }

  @Test
  void aWrongPasswordIsRefused(TestServer server) {
    Connector wrong = server.superuser().as("postgres", new Secret("not-the-password", "literal"));
    assertThatThrownBy(() -> wrong.open("postgres"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
  }

  @Test
  void psqlConnectsWithRequireAndVerifyFullAndIsRefusedWithoutTls(TestServer server)
      throws Exception {
    Path psql = psql();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        psql != null,
        "psql is not installed on this machine: TLS and scram were checked with pgjdbc only");
    String base =
        "host=127.0.0.1 port="
            + server.config().postgres().port()
            + " dbname=postgres user=postgres";
    String ca = server.config().tlsDir().resolve("ca.crt").toString();
    assertThat(runPsql(psql, base + " sslmode=require", server)).contains("on|TLSv1.3");
    assertThat(runPsql(psql, base + " sslmode=verify-full sslrootcert=" + ca, server))
        .contains("on|TLSv1.3");
    assertThat(
            runPsql(
                psql,
                base.replace("127.0.0.1", "localhost") + " sslmode=verify-full sslrootcert=" + ca,
                server))
        .contains("on|TLSv1.3");
    assertThat(runPsql(psql, base + " sslmode=disable", server))
        .contains("pg_hba.conf rejects connection")
        .contains("no encryption");
  }

  private static String runPsql(Path psql, String conninfo, TestServer server) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                psql.toString(),
                "-X",
                "-A",
                "-t",
                "-d",
                conninfo,
                "-c",
                "SELECT current_setting('ssl') || '|' || version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            .redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", passwordOf(server).value());
    pb.environment().put("PGCONNECT_TIMEOUT", "10");
    Process p = pb.start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  /** psql from PATH or from the system installation that pg_config names, if any. */
  private static Path psql() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, "psql");
      if (java.nio.file.Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  static Secret passwordOf(TestServer server) {
    return new dev.tusk.engine.init.SecretStore(
            server.config().secretsDir(), new java.security.SecureRandom())
        .passwordFor("postgres", Optional.empty());
  }
}
