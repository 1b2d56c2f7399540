package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code index-not-concurrent}: offline every table the file does not create may be large; with
 * sizes, only large ones are. The sizes here are fixed answers standing in for the database, to
 * test the decision; {@code LintSizesIT} reads real ones.
 */
class IndexNotConcurrentTest {

  static final String V1 = "CREATE TABLE s.t (a int, b int);";

  private static LintResult index(TableSizes sizes, String sql) {
    return Lint.run(List.of(), sizes, "V1__t.up.sql", V1, "V2__i.up.sql", sql);
  }

  @Test
  void offlineEveryIndexOnATableFromAnotherFileIsReported() {
    LintResult r =
        index(
            TableSizes.offline(),
            "CREATE INDEX i ON s.t (a);\n"
                + "create unique index if not exists j on only S.T using btree (lower(b::text));\n"
                + "CREATE INDEX ON t (a);");
    assertThat(Lint.found(r))
        .containsExactly(
            "V2__i.up.sql:1:1 index-not-concurrent",
            "V2__i.up.sql:2:1 index-not-concurrent",
            "V2__i.up.sql:3:1 index-not-concurrent");
    assertThat(r.findings().get(0).message())
        .isEqualTo(
            "CREATE INDEX without CONCURRENTLY on s.t blocks writes to the table while the index"
                + " builds; the table is not created in this file and its size is unknown"
                + " (offline), so it may be large");
    assertThat(r.findings().get(2).message()).contains(" on public.t ");
  }

  @Test
  void aTableCreatedInTheSameFileIsNew() {
    assertThat(Lint.found(Lint.run("V1__t.up.sql", V1 + "\nCREATE INDEX i ON s.t (a);"))).isEmpty();
  }

  @Test
  void withSizesOnlyLargeOrUnanalyzedTablesAreReported() {
    String sql = "CREATE INDEX i ON s.t (a);";
    LintResult large = index(Lint.sizes(new TableSize.Measured(20_000, 0)), sql);
    assertThat(Lint.message(large)).endsWith("and it has about 20000 rows (more than 10000)");
    assertThat(index(Lint.sizes(new TableSize.Measured(10_000, 0)), sql).findings()).isEmpty();
    assertThat(index(Lint.sizes(new TableSize.Absent()), sql).findings()).isEmpty();
    assertThat(Lint.message(index(Lint.sizes(new TableSize.Measured(3, 8192)), sql)))
        .endsWith("and it holds 8192 bytes never analyzed, so its row count is unknown");
  }

  @Test
  void constraintsThatBuildAnIndexCountUnlessTheyUseOne() {
    assertThat(
            Lint.found(
                index(
                    TableSizes.offline(),
                    "ALTER TABLE s.t ADD CONSTRAINT t_pk PRIMARY KEY (a), ADD UNIQUE (b);\n"
                        + "ALTER TABLE s.t ADD CONSTRAINT u UNIQUE USING INDEX t_b,"
                        + " ADD CONSTRAINT c CHECK (a > 0), ADD FOREIGN KEY (b) REFERENCES x;")))
        .containsExactly(
            "V2__i.up.sql:1:17 index-not-concurrent", "V2__i.up.sql:1:54 index-not-concurrent");
    LintResult exclude =
        index(
            TableSizes.offline(),
            "ALTER TABLE s.t ADD EXCLUDE USING gist (a WITH =), ADD exclude int;");
    assertThat(Lint.found(exclude)).containsExactly("V2__i.up.sql:1:17 index-not-concurrent");
    assertThat(Lint.message(exclude)).startsWith("ALTER TABLE ... ADD EXCLUDE on s.t blocks all");
    assertThat(exclude.findings().get(0).hint()).startsWith("an exclusion constraint cannot use");
  }

  @Test
  void concurrentlyInANoTransactionFileIsFineAndTheHintFitsTheFile() {
    assertThat(
            index(
                    TableSizes.offline(),
                    "-- tusk:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY i ON s.t (a);")
                .findings())
        .isEmpty();
    LintResult plain =
        index(TableSizes.offline(), "-- tusk:no-transaction\nCREATE INDEX i ON s.t (a);");
    assertThat(plain.findings().get(0).hint())
        .isEqualTo("add CONCURRENTLY: this file already runs without a transaction");
  }
}
