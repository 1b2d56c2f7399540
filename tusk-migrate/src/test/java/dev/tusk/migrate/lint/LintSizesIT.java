package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.migrate.MigrationScanner;
import dev.tusk.migrate.SourceFile;
import dev.tusk.testkit.TestDatabase;
import dev.tusk.testkit.TestServer;
import dev.tusk.testkit.TuskPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code index-not-concurrent} against real catalog statistics: a table with 20000 analyzed rows is
 * large, one with 10 is not, a partitioned table counts the rows of all its partitions, a table
 * never analyzed counts by its bytes, a table that does not exist is not large. The files are the
 * same in every test; only the database and the threshold differ.
 */
@ExtendWith(TuskPostgres.class)
class LintSizesIT {

  static TestDatabase db;

  static final List<SourceFile> FILES =
      List.of(
          SourceFile.of("V1__big.up.sql", "CREATE INDEX big_a ON app.big (a);"),
          SourceFile.of("V2__small.up.sql", "CREATE INDEX small_a ON app.small (a);"),
          SourceFile.of("V3__parted.up.sql", "CREATE INDEX parted_a ON app.parted (a);"),
          SourceFile.of("V4__fresh.up.sql", "CREATE INDEX fresh_a ON app.fresh (a);"),
          SourceFile.of("V5__missing.up.sql", "CREATE INDEX missing_a ON app.missing (a);"),
          SourceFile.of(
              "V6__odd.up.sql",
              "SET search_path = app;\nCREATE UNIQUE INDEX odd_a ON \"Odd 'Name\" (a);"));

  @BeforeAll
  static void tables(TestServer server) throws SQLException {
    db = server.newDatabase("LintSizesIT");
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA app");
      s.execute("CREATE TABLE app.big (a int)");
      s.execute("INSERT INTO app.big SELECT generate_series(1, 20000)");
      s.execute("CREATE TABLE app.small (a int)");
      s.execute("INSERT INTO app.small SELECT generate_series(1, 10)");
      s.execute("CREATE TABLE app.parted (a int) PARTITION BY RANGE (a)");
      s.execute("CREATE TABLE app.parted_1 PARTITION OF app.parted FOR VALUES FROM (0) TO (7000)");
      s.execute(
          "CREATE TABLE app.parted_2 PARTITION OF app.parted FOR VALUES FROM (7000) TO (20000)");
      s.execute("INSERT INTO app.parted SELECT generate_series(1, 12000)");
      s.execute("CREATE TABLE app.fresh (a int) WITH (autovacuum_enabled = false)");
      s.execute("INSERT INTO app.fresh SELECT generate_series(1, 500)");
      s.execute("CREATE TABLE app.\"Odd 'Name\" (a int)");
      s.execute("INSERT INTO app.\"Odd 'Name\" SELECT generate_series(1, 15000)");
      s.execute("ANALYZE app.big, app.small, app.parted, app.\"Odd 'Name\"");
    }
  }

  private static LintResult lint(long threshold) throws SQLException {
    try (Connection c = db.connect()) {
      return new Linter(List.of(), new DatabaseTableSizes(c), threshold)
          .lint(MigrationScanner.parse(FILES));
    }
  }

  @Test
  void largeTablesAreReportedAndSmallOrMissingOnesAreNot() throws SQLException {
    LintResult r = lint(Linter.DEFAULT_LARGE_TABLE_ROWS);

    assertThat(Lint.found(r))
        .containsExactly(
            "V1__big.up.sql:1:1 index-not-concurrent",
            "V3__parted.up.sql:1:1 index-not-concurrent",
            "V4__fresh.up.sql:1:1 index-not-concurrent",
            "V6__odd.up.sql:2:1 index-not-concurrent");
    assertThat(r.findings().get(0).message())
        .isEqualTo(
            "CREATE INDEX without CONCURRENTLY on app.big blocks writes to the table while the"
                + " index builds, and it has about 20000 rows (more than 10000)");
    assertThat(r.findings().get(1).message()).contains("about 12000 rows");
    assertThat(r.findings().get(2).message())
        .matches(".* it holds \\d+ bytes never analyzed, so its row count is unknown");
    assertThat(r.findings().get(3).message()).contains("on app.\"Odd 'Name\"").contains("15000");
    assertThat(r.sizesFromDatabase()).isTrue();
  }

  @Test
  void theThresholdDecidesWhatIsLarge() throws SQLException {
    assertThat(Lint.found(lint(15_000)))
        .containsExactly(
            "V1__big.up.sql:1:1 index-not-concurrent", "V4__fresh.up.sql:1:1 index-not-concurrent");
    assertThat(Lint.found(lint(5)))
        .containsExactly(
            "V1__big.up.sql:1:1 index-not-concurrent",
            "V2__small.up.sql:1:1 index-not-concurrent",
            "V3__parted.up.sql:1:1 index-not-concurrent",
            "V4__fresh.up.sql:1:1 index-not-concurrent",
            "V6__odd.up.sql:2:1 index-not-concurrent");
  }

  @Test
  void offlineEveryTableNotCreatedInTheFileMayBeLarge() {
    LintResult r =
        new Linter(List.of(), TableSizes.offline(), Linter.DEFAULT_LARGE_TABLE_ROWS)
            .lint(MigrationScanner.parse(FILES));
    assertThat(r.findings()).hasSize(6);
    assertThat(r.sizesFromDatabase()).isFalse();
  }
}
