package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.migrate.SqlLexer;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Argument lists as CREATE writes them and as ALTER/DROP write them come out the same. */
class SignatureTest {

  static Stream<Arguments> lists() {
    return Stream.of(
        Arguments.of("()", ""),
        Arguments.of("(int)", "int4"),
        Arguments.of("(a integer, b INT4)", "int4,int4"),
        Arguments.of("(IN a int, OUT b text, INOUT c bigint)", "int4,int8"),
        Arguments.of("(a IN int)", "int4"),
        Arguments.of("(VARIADIC xs text[])", "text[]"),
        Arguments.of("(a numeric(10, 2) DEFAULT 0, b varchar(3) = 'x')", "numeric,varchar"),
        Arguments.of("(double precision, a double precision)", "float8,float8"),
        Arguments.of("(character varying, \"time\" timestamptz)", "varchar,timestamptz"),
        Arguments.of(
            "(time with time zone, time timestamp(3) without time zone)", "timetz,timestamp"),
        Arguments.of("(interval day to second, interval int)", "interval day to second,int4"),
        Arguments.of(
            "(pg_catalog.int8, app.money_t, x app.\"Odd\"[])", "int8,app.money_t,app.\"Odd\"[]"),
        Arguments.of("(t.col%TYPE)", "t.col % type"),
        Arguments.of("(int[3][])", "int4[][]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void normalises(String args, String expected) {
    String text = "f" + args;
    SqlLexer lex = new SqlLexer("x.sql", text);
    Source source = new Source("x.sql", 0, true, text, lex);
    Stmt s = new Stmt(source, new Tokenizer(text, lex).tokens(0, text.length(), new ArrayList<>()));
    assertThat(Signature.of(s, 1, s.closing(1))).isEqualTo(expected);
  }
}
