package dev.tusk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tusk migrate lint} connected to a running server: the config points at the testkit's
 * server (its home holds the superuser's password and the CA, as {@code tusk up} leaves them), and
 * the index rule then reports the table with 20000 analyzed rows and not the one with 10.
 */
@ExtendWith(TuskPostgres.class)
class MigrateLintIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  @BeforeAll
  static void project(TestServer server) throws IOException, SQLException {
    TestDatabase db = server.newDatabase("MigrateLintIT");
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE big (a int)");
      s.execute("INSERT INTO big SELECT generate_series(1, 20000)");
      s.execute("CREATE TABLE small (a int)");
      s.execute("INSERT INTO small SELECT generate_series(1, 10)");
      s.execute("ANALYZE big, small");
    }
    Files.writeString(
        dir.resolve("tusk.yaml"),
        """
        cluster: { home: %s }
        postgres: { port: %d }
        databases:
          - name: %s
        """
            .formatted(server.home(), server.config().postgres().port(), db.name()));
    Path m = Files.createDirectories(dir.resolve("migrations"));
    Files.writeString(m.resolve("V1__big.up.sql"), "CREATE INDEX big_a ON big (a);\n");
    Files.writeString(m.resolve("V2__small.up.sql"), "CREATE INDEX small_a ON public.small (a);\n");
  }

  private static List<String> files(JsonNode json) {
    List<String> out = new ArrayList<>();
    json.path("findings").forEach(f -> out.add(f.path("file").asText()));
    return out;
  }

  @Test
  void onlineOnlyTheLargeTableIsReported() throws IOException {
    CliRunner.Result r = CliRunner.run(dir, Map.of(), "migrate", "lint", "--json");

    assertThat(r.exit()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).isEmpty();
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.path("checked").path("table_sizes").asText()).isEqualTo("database");
    assertThat(files(json)).containsExactly("migrations/V1__big.up.sql");
    assertThat(json.path("findings").get(0).path("message").asText())
        .contains("about 20000 rows (more than 10000)");
  }

  @Test
  void theThresholdAndOfflineModeChangeTheAnswer() throws IOException {
    CliRunner.Result high =
        CliRunner.run(dir, Map.of(), "migrate", "lint", "--strict", "--large-table-rows", "50000");
    assertThat(high.exit()).as(high.out()).isEqualTo(0);
    assertThat(high.out()).endsWith("No findings in 2 file(s), 2 statement(s).\n");

    CliRunner.Result offline =
        CliRunner.run(dir, Map.of(), "migrate", "lint", "--offline", "--json");
    assertThat(files(JSON.readTree(offline.out())))
        .containsExactly("migrations/V1__big.up.sql", "migrations/V2__small.up.sql");

    CliRunner.Result strict = CliRunner.run(dir, Map.of(), "migrate", "lint", "--strict");
    assertThat(strict.exit()).isEqualTo(1);
  }
}
