package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Statement boundaries and starting lines for the constructs that hide a semicolon. */
class SqlSplitterTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        c("two on a line", "SELECT 1; SELECT 2;", "1|SELECT 1", "1|SELECT 2"),
        c("last without ;", "SELECT 1;\nSELECT 2", "1|SELECT 1", "2|SELECT 2"),
        c("blank lines", "SELECT 1;\n\n  SELECT\n 2;\n", "1|SELECT 1", "3|SELECT\n 2"),
        c("string", "SELECT 'a;b'; SELECT 2", "1|SELECT 'a;b'", "1|SELECT 2"),
        c("doubled quote", "SELECT 'it''s; x'; SELECT 2", "1|SELECT 'it''s; x'", "1|SELECT 2"),
        c("E string", "SELECT E'\\';'; SELECT 2", "1|SELECT E'\\';'", "1|SELECT 2"),
        c("e string", "SELECT e'\\\\'; SELECT 2", "1|SELECT e'\\\\'", "1|SELECT 2"),
        c("E string ''", "SELECT E'a'';b'; SELECT 2", "1|SELECT E'a'';b'", "1|SELECT 2"),
        c("backslash ends", "SELECT 'a\\'; SELECT 2", "1|SELECT 'a\\'", "1|SELECT 2"),
        c("word ending e", "SELECT fe'\\'; SELECT 2", "1|SELECT fe'\\'", "1|SELECT 2"),
        c("U& string", "SELECT U&'d\\0061;'; SELECT 2", "1|SELECT U&'d\\0061;'", "1|SELECT 2"),
        c(
            "dollar quote",
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2",
            "1|CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
            "1|SELECT 2"),
        c(
            "tagged dollar with $$ inside",
            "DO $body$\nBEGIN\n  PERFORM $$;$$;\nEND\n$body$;\nSELECT 2",
            "1|DO $body$\nBEGIN\n  PERFORM $$;$$;\nEND\n$body$",
            "6|SELECT 2"),
        c(
            "tags are case-sensitive",
            "SELECT $a$ ; $A$ ; $a$; SELECT 2",
            "1|SELECT $a$ ; $A$ ; $a$",
            "1|SELECT 2"),
        c(
            "positional parameter",
            "PREPARE p AS SELECT $1; EXECUTE p(1)",
            "1|PREPARE p AS SELECT $1",
            "1|EXECUTE p(1)"),
        c("dollar inside identifier", "SELECT a$b$c; SELECT 2", "1|SELECT a$b$c", "1|SELECT 2"),
        c(
            "quoted identifier",
            "SELECT 1 AS \"a;\"\"b\"; SELECT 2",
            "1|SELECT 1 AS \"a;\"\"b\"",
            "1|SELECT 2"),
        c(
            "line comment",
            "SELECT 1 -- not; here\n; SELECT 2",
            "1|SELECT 1 -- not; here",
            "2|SELECT 2"),
        c("comment without space", "SELECT 2--1;\n; SELECT 3", "1|SELECT 2--1;", "2|SELECT 3"),
        c(
            "nested block comment",
            "SELECT /* a /* b; */ c; */ 1; SELECT 2",
            "1|SELECT /* a /* b; */ c; */ 1",
            "1|SELECT 2"),
        c(
            "quote in comment",
            "-- it's\nSELECT 1; /* don't */ SELECT 2",
            "2|SELECT 1",
            "2|SELECT 2"),
        c("comment opener in string", "SELECT '/*'; SELECT '--'", "1|SELECT '/*'", "1|SELECT '--'"),
        c("leading comments", "-- header\n/* block\n */\nSELECT 1;", "4|SELECT 1"),
        c("empty statements", ";;\n;SELECT 1;;", "2|SELECT 1"),
        c("comment after last", "SELECT 1; -- end", "1|SELECT 1"),
        c("byte-order mark", "\uFEFFSELECT 1;", "1|SELECT 1"),
        c("non-ASCII", "SELECT 'ü;'; SELECT \"é;\"", "1|SELECT 'ü;'", "1|SELECT \"é;\""),
        c("numbers", "SELECT 1.5e3; SELECT .5", "1|SELECT 1.5e3", "1|SELECT .5"),
        c(
            "rule with parenthesised actions",
            "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b);\n"
                + "SELECT 1",
            "1|CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b)",
            "2|SELECT 1"),
        c(
            "BEGIN ATOMIC",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\n"
                + "END;\nSELECT 3;",
            "1|CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"
                + "  SELECT 2;\nEND",
            "6|SELECT 3"),
        c(
            "BEGIN ATOMIC with CASE",
            "create or replace function f(x int) returns int language sql begin atomic"
                + " select case when x > 0 then 1 else 2 end; end; select 3",
            "1|create or replace function f(x int) returns int language sql begin atomic"
                + " select case when x > 0 then 1 else 2 end; end",
            "1|select 3"),
        c(
            "BEGIN ATOMIC with end as a column",
            "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t SELECT t.end FROM t;"
                + " SELECT 1 AS end; END; SELECT 3",
            "1|CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t SELECT t.end FROM t;"
                + " SELECT 1 AS end; END",
            "1|SELECT 3"),
        c(
            "plpgsql BEGIN is not atomic",
            "CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $f$ BEGIN END $f$; SELECT 1",
            "1|CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $f$ BEGIN END $f$",
            "1|SELECT 1"),
        c(
            "BEGIN outside routines",
            "SELECT 1 AS begin; SELECT 2",
            "1|SELECT 1 AS begin",
            "1|SELECT 2"),
        c(
            "COPY from a file",
            "COPY t FROM '/tmp/x'; SELECT 1",
            "1|COPY t FROM '/tmp/x'",
            "1|SELECT 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void splits(String title, String sql, List<String> expected) {
    SqlScript script = SqlSplitter.split("f.sql", sql);
    List<String> got = new ArrayList<>();
    for (SqlStatement st : script.statements()) {
      assertThat(st).isInstanceOf(SqlStatement.Plain.class);
      got.add(st.line() + "|" + st.sql());
    }
    assertThat(got).containsExactlyElementsOf(expected);
    assertThat(script.transactional()).isTrue();
    assertThat(script.text()).isEqualTo(sql);
  }

  private static Arguments c(String title, String sql, String... expected) {
    return Arguments.of(title, sql, List.of(expected));
  }
}
