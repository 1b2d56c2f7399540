package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and hostile SQL: each a clear error at the right line, never a crash. */
class SplitErrorTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("SELECT 'abc", "migrate.unterminated", 1),
        Arguments.of("SELECT 1;\nSELECT \"abc", "migrate.unterminated", 2),
        Arguments.of("SELECT 1;\n\nSELECT $x$abc$y$", "migrate.unterminated", 3),
        Arguments.of("SELECT 1; /* a /* b */\n", "migrate.unterminated", 1),
        Arguments.of("SELECT E'abc\\'", "migrate.unterminated", 1),
        Arguments.of(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC SELECT 1;",
            "migrate.unterminated",
            2),
        Arguments.of("SELECT (1;\nSELECT 2;", "migrate.unbalanced", 1),
        Arguments.of("SELECT 1;\nCOPY t FROM stdin;\n1\n2\n", "migrate.copy_data", 2),
        Arguments.of("COPY t FROM stdin; 1\n\\.\n", "migrate.copy_data", 1),
        Arguments.of("COPY t FROM stdin", "migrate.copy_data", 1),
        Arguments.of("COPY t TO stdout;", "migrate.copy_to_stdout", 1),
        Arguments.of("SELECT 1;\n\\i other.sql\n", "migrate.meta_command", 2),
        Arguments.of("SELECT 1;\n-- tusk:no-transaction\n", "migrate.directive", 2),
        Arguments.of("  -- tusk:no-transaction\nSELECT 1;", "migrate.directive", 1),
        Arguments.of("-- tusk:no-transactions\nSELECT 1;", "migrate.directive", 1));
  }

  @ParameterizedTest(name = "{1} at line {2}: {0}")
  @MethodSource("errors")
  void rejects(String sql, String code, int line) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> SqlSplitter.split("V1__x.up.sql", sql));
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).startsWith("V1__x.up.sql:" + line + ": ");
    assertThat(e.hint()).isPresent();
  }

  @Test
  void transactionControlIsRefusedInTransactionalFilesOnly() {
    for (String sql :
        new String[] {
          "BEGIN;\nCREATE TABLE t ();\nCOMMIT;",
          "CREATE TABLE t ();\nstart  transaction;",
          "CREATE TABLE t ();\nCOMMIT AND CHAIN;",
          "CREATE TABLE t ();\nEND;",
          "CREATE TABLE t ();\nROLLBACK;"
        }) {
      SqlScript script = SqlSplitter.split("V1__x.up.sql", sql);
      assertThatThrownBy(() -> TransactionControl.check(script))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith("V1__x.up.sql:")
          .extracting(t -> ((ConfigException) t).code())
          .isEqualTo("migrate.transaction_control");
      TransactionControl.check(SqlSplitter.split("x", "-- tusk:no-transaction\n" + sql));
    }
    TransactionControl.check(
        SqlSplitter.split("x", "SAVEPOINT a; ROLLBACK TO a; ROLLBACK TO SAVEPOINT a; BEGINX;"));
  }

  @Test
  void randomInputNeverCrashesAndLinesStayInRange() {
    String alphabet = "'\"$;-/*\n()Eeab\\.$_ x1:";
    Random random = new Random(42);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(40);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String sql = sb.toString();
      try {
        SqlScript script = SqlSplitter.split("r.sql", sql);
        long lines = sql.chars().filter(ch -> ch == '\n').count() + 1;
        for (SqlStatement st : script.statements()) {
          assertThat(st.line()).isBetween(1, (int) lines);
          assertThat(st.sql()).isNotBlank();
          assertThat(sql).contains(st.sql());
        }
      } catch (ConfigException e) {
        assertThat(e.getMessage()).startsWith("r.sql:");
      }
    }
  }

  @Test
  void manyStatementsAndALongStringSplitInOnePass() {
    String many = "SELECT 1;\n".repeat(100_000);
    SqlScript script = SqlSplitter.split("big.sql", many);
    assertThat(script.statements()).hasSize(100_000);
    assertThat(script.statements().get(99_999).line()).isEqualTo(100_000);
    String longString = "SELECT '" + "x;".repeat(1_000_000) + "'; SELECT 2";
    assertThat(SqlSplitter.split("big.sql", longString).statements()).hasSize(2);
    String nested = "SELECT " + "/*".repeat(50_000) + "*/".repeat(50_000) + " 1; SELECT 2";
    assertThat(SqlSplitter.split("big.sql", nested).statements()).hasSize(2);
  }
}
