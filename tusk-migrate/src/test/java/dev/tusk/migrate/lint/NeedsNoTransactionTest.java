package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code needs-no-transaction}: each statement PostgreSQL refuses in a transaction block. */
class NeedsNoTransactionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX CONCURRENTLY i ON t (a)",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)",
        "DROP INDEX CONCURRENTLY i",
        "REINDEX TABLE CONCURRENTLY t",
        "REINDEX (VERBOSE) INDEX CONCURRENTLY i",
        "REINDEX SCHEMA app",
        "VACUUM (ANALYZE) t",
        "CREATE DATABASE other",
        "DROP DATABASE other",
        "ALTER SYSTEM SET work_mem = '8MB'",
        "ALTER TABLE t DETACH PARTITION t_2020 CONCURRENTLY"
      })
  void isAnErrorInATransactionalFileOnly(String sql) {
    LintResult inTx = Lint.run("V1__x.up.sql", sql + ";");
    LintResult outside = Lint.run("V1__x.up.sql", "-- tusk:no-transaction\n" + sql + ";");

    assertThat(Lint.rules(inTx)).containsExactly("needs-no-transaction");
    assertThat(inTx.findings().get(0).severity()).isEqualTo(Severity.ERROR);
    assertThat(inTx.failed(false)).isTrue();
    assertThat(inTx.findings().get(0).message())
        .endsWith("so the migration would fail with SQLSTATE 25001");
    assertThat(outside.findings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "REINDEX TABLE t",
        "SELECT 'VACUUM'",
        "CREATE TABLE concurrently (a int)",
        "ALTER TABLE t DETACH PARTITION t_2020",
        "COMMENT ON TABLE t IS 'CREATE INDEX CONCURRENTLY'"
      })
  void otherStatementsAreFine(String sql) {
    assertThat(Lint.run("V1__x.up.sql", sql + ";").findings()).isEmpty();
  }
}
