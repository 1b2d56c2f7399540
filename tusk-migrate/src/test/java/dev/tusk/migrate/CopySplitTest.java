package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code COPY ... FROM stdin} and its data lines, and the no-transaction directive. */
class CopySplitTest {

  @Test
  void copyDataRunsToTheEndMarkerAndIsNotParsedAsSql() {
    String sql =
        "CREATE TABLE t (a int, b text);\n"
            + "COPY t (a, b) FROM stdin;\n"
            + "1\tx;y\n"
            + "2\t'q /* $$\n"
            + "\\.\n"
            + "SELECT 1;\n";
    List<SqlStatement> st = SqlSplitter.split("f.sql", sql).statements();
    assertThat(st)
        .containsExactly(
            new SqlStatement.Plain(1, "CREATE TABLE t (a int, b text)"),
            new SqlStatement.CopyIn(2, "COPY t (a, b) FROM stdin", 3, "1\tx;y\n2\t'q /* $$\n"),
            new SqlStatement.Plain(6, "SELECT 1"));
  }

  @Test
  void copyKeywordsInAnyCaseWithOptionsAndEmptyData() {
    String sql = "copy t from STDIN with (format csv);\n\\.\ncopy t FROM stdin;   \n1\n\\.";
    assertThat(SqlSplitter.split("f.sql", sql).statements())
        .containsExactly(
            new SqlStatement.CopyIn(1, "copy t from STDIN with (format csv)", 2, ""),
            new SqlStatement.CopyIn(3, "copy t FROM stdin", 4, "1\n"));
  }

  @Test
  void aDataLineThatOnlyStartsWithTheMarkerIsData() {
    String sql = "COPY t FROM stdin;\n\\.x\n \\.\n\\.\n";
    assertThat(SqlSplitter.split("f.sql", sql).statements())
        .containsExactly(new SqlStatement.CopyIn(1, "COPY t FROM stdin", 2, "\\.x\n \\.\n"));
  }

  @Test
  void noTransactionDirectiveOnTheFirstLine() {
    assertThat(SqlSplitter.split("f.sql", "-- tusk:no-transaction\nSELECT 1;").transactional())
        .isFalse();
    assertThat(SqlSplitter.split("f.sql", "--tusk: no-transaction  \nSELECT 1;").transactional())
        .isFalse();
    assertThat(SqlSplitter.split("f.sql", "\uFEFF-- tusk:no-transaction\nSELECT 1").transactional())
        .isFalse();
    assertThat(SqlSplitter.split("f.sql", "-- tusk is great\nSELECT 1;").transactional()).isTrue();
    assertThat(SqlSplitter.split("f.sql", "SELECT 1;").transactional()).isTrue();
  }
}
