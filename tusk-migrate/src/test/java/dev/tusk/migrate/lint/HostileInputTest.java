package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rule words where they are not SQL (comments, strings, dollar bodies, quoted names, COPY data)
 * never fire; odd names, case and positions come out right; files the splitter refuses never reach
 * lint.
 */
class HostileInputTest {

  static final String V1 = "CREATE TABLE t (a int, b int);";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-- ALTER TABLE t DROP COLUMN a;\nSELECT 1;",
        "/* ALTER TABLE t DROP COLUMN a; /* nested */ CREATE INDEX i ON t (a); */ SELECT 1;",
        "INSERT INTO log VALUES ('ALTER TABLE t DROP COLUMN a; CREATE INDEX i ON t (a)');",
        "INSERT INTO log VALUES (E'\\' ALTER TABLE t DROP COLUMN a');",
        "DO $$ BEGIN EXECUTE 'ALTER TABLE t DROP COLUMN a'; ALTER TABLE t DROP COLUMN a; END $$;",
        "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $fn$\n"
            + "BEGIN\n  ALTER TABLE t DROP COLUMN a;\n  CREATE INDEX i ON t (a);\n"
            + "  VACUUM;\nEND\n$fn$ SET search_path = public;",
        "ALTER TABLE t ADD COLUMN \"drop\" int, ADD COLUMN \"column\" text;",
        "ALTER TABLE t RENAME COLUMN a TO \"DROP COLUMN\";",
        "COMMENT ON COLUMN t.a IS $$DROP COLUMN, timestamp, SECURITY DEFINER$$;",
        "SELECT 1 AS \"CREATE INDEX i ON t (a)\";",
        "COPY t (a, b) FROM stdin;\nALTER TABLE t DROP COLUMN a\tCREATE INDEX\n\\.\nSELECT 2;"
      })
  void ruleWordsOutsideSqlNeverFire(String sql) {
    LintResult r = Lint.run("V1__t.up.sql", V1, "V2__x.up.sql", sql);
    assertThat(Lint.found(r)).isEmpty();
  }

  @Test
  void positionsAfterCopyDataAndOnSharedLinesAreExact() {
    LintResult r =
        Lint.run(
            "V1__t.up.sql",
            V1,
            "V2__x.up.sql",
            "COPY t (a) FROM stdin;\n1\n2\n\\.\n"
                + "ALTER TABLE t DROP COLUMN a; ALTER TABLE t DROP COLUMN b;");
    assertThat(Lint.found(r))
        .containsExactly("V2__x.up.sql:5:15 drop-column", "V2__x.up.sql:5:44 drop-column");
  }

  @Test
  void columnsCountCharactersNotUtf16Units() {
    LintResult r = Lint.run("V1__t.up.sql", "CREATE TABLE \"\uD83D\uDE00\u00e9\" (a timestamp);");
    assertThat(Lint.found(r)).containsExactly("V1__t.up.sql:1:22 timestamp-without-tz");
    assertThat(Lint.message(r)).startsWith("column a of public.\"\uD83D\uDE00\u00e9\" is");
  }

  @Test
  void mixedCaseKeywordsAndOddIdentifiersWork() {
    LintResult r =
        Lint.exposing(
            List.of("api"),
            "V1__t.up.sql",
            "\uFEFFcReAtE tAbLe Api.\"we;ird \"\"name\"\" -- x\" (At TimeStamp);\n"
                + "AlTeR tAbLe API.\"we;ird \"\"name\"\" -- x\" EnAbLe RoW lEvEl SeCuRiTy;");
    assertThat(Lint.found(r)).containsExactly("V1__t.up.sql:1:46 timestamp-without-tz");
    assertThat(Lint.message(r))
        .startsWith("column at of api.\"we;ird \"\"name\"\" -- x\" is timestamp without time zone");
  }

  @Test
  void statementsLintCannotParseArePassedOver() {
    String[] broken = {
      "CREATE TABLE",
      "CREATE TEMP",
      "ALTER TABLE",
      "ALTER TABLE t DROP",
      "ALTER TABLE t ALTER COLUMN",
      "ALTER TABLE t ALTER COLUMN a SET DATA",
      "ALTER TABLE t ADD",
      "ALTER TABLE t ADD CONSTRAINT",
      "ALTER TABLE t RENAME",
      "ALTER TABLE t RENAME COLUMN a",
      "ALTER TABLE t SET SCHEMA",
      "CREATE INDEX",
      "CREATE INDEX ON",
      "CREATE UNIQUE INDEX i ON ONLY",
      "CREATE FUNCTION",
      "CREATE FUNCTION f",
      "CREATE FUNCTION f)",
      "ALTER FUNCTION",
      "ALTER FUNCTION f() RENAME TO",
      "ALTER FUNCTION f SECURITY",
      "DROP FUNCTION",
      "DROP FUNCTION IF EXISTS",
      "DROP TABLE",
      "SET",
      "SET search_path",
      "SET search_path TO",
      "RESET",
      "SELECT set_config()",
      "SELECT pg_catalog.set_config('search_path')",
      "REINDEX",
      "REINDEX ()",
      "VACUUM ()",
      "CREATE TABLE t (, , )",
      "CREATE TABLE t (a)",
      "CREATE TABLE t (a pg_catalog.)"
    };
    LintResult r = Lint.run("V1__t.up.sql", String.join(";\n", broken) + ";");
    assertThat(r.statements()).isEqualTo(broken.length);
    assertThat(Lint.rules(r)).containsOnly("needs-no-transaction");
  }

  @Test
  void aFileTheSplitterRefusesNeverReachesLint() {
    ConfigException e =
        Lint.refused("V1__x.up.sql", "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n-- no end");
    assertThat(e.code()).isEqualTo("migrate.unterminated");
    assertThat(e.getMessage()).startsWith("V1__x.up.sql:1: unterminated dollar-quoted string");
  }
}
