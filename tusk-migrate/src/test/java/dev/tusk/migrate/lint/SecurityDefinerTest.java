package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code security-definer-search-path}: clauses in any order, later ALTERs, overloads, bodies. */
class SecurityDefinerTest {

  private static List<String> found(String... files) {
    return Lint.found(Lint.run(files));
  }

  @Test
  void theClauseOrderDoesNotMatter() {
    assertThat(
            found(
                "V1__f.up.sql",
                "CREATE FUNCTION f() RETURNS int SET search_path = '' SECURITY DEFINER"
                    + " LANGUAGE sql AS 'SELECT 1';\n"
                    + "CREATE OR REPLACE PROCEDURE p() LANGUAGE sql EXTERNAL SECURITY DEFINER"
                    + " SET search_path FROM CURRENT AS $$ SELECT 1 $$;"))
        .isEmpty();
    assertThat(
            found(
                "V1__f.up.sql",
                "CREATE PROCEDURE p() LANGUAGE sql EXTERNAL SECURITY DEFINER AS $$ SELECT 1 $$;"))
        .containsExactly("V1__f.up.sql:1:35 security-definer-search-path");
  }

  @Test
  void aLaterAlterFunctionPinsItAndMatchesTheSignatureLoosely() {
    String create =
        "CREATE FUNCTION app.f(a integer DEFAULT 1, OUT b text, VARIADIC c varchar(10)[])"
            + " LANGUAGE sql SECURITY DEFINER AS $$ SELECT 'x' $$;";
    assertThat(
            found(
                "V1__f.up.sql",
                create,
                "V2__pin.up.sql",
                "ALTER FUNCTION app.f(int4, character varying[]) SET search_path TO pg_catalog;"))
        .isEmpty();
    assertThat(
            found(
                "V1__f.up.sql",
                create,
                "V2__pin.up.sql",
                "ALTER FUNCTION app.f(bigint, varchar[]) SET search_path TO pg_catalog;"))
        .containsExactly("V1__f.up.sql:1:95 security-definer-search-path");
    assertThat(
            found(
                "V1__f.up.sql",
                create,
                "V2__pin.up.sql",
                "ALTER ROUTINE app.f SET search_path = x;"))
        .isEmpty();
  }

  @Test
  void overloadsAreToldApart() {
    List<String> r =
        found(
            "V1__f.up.sql",
            "CREATE FUNCTION f(int) RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';\n"
                + "CREATE FUNCTION f(text) RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';\n"
                + "ALTER FUNCTION f(text) SET search_path = pg_catalog;");
    assertThat(r).containsExactly("V1__f.up.sql:1:49 security-definer-search-path");
  }

  @Test
  void replacingDroppingOrUnpinningChangesTheOutcome() {
    String definer = "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';";
    assertThat(
            found(
                "V1__f.up.sql",
                definer,
                "V2__r.up.sql",
                "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2';"))
        .isEmpty();
    assertThat(found("V1__f.up.sql", definer, "V2__d.up.sql", "DROP FUNCTION IF EXISTS f();"))
        .isEmpty();
    assertThat(found("V1__f.up.sql", definer, "V2__d.up.sql", "DROP FUNCTION f(int);"))
        .containsExactly("V1__f.up.sql:1:46 security-definer-search-path");
    assertThat(
            found(
                "V1__f.up.sql",
                definer.replace("SECURITY DEFINER", "SECURITY DEFINER SET search_path = x"),
                "V2__u.up.sql",
                "ALTER FUNCTION f() RESET ALL;"))
        .containsExactly("V1__f.up.sql:1:46 security-definer-search-path");
    assertThat(
            found(
                "V1__f.up.sql",
                definer.replace("SECURITY DEFINER", "SECURITY DEFINER SET search_path TO DEFAULT")))
        .containsExactly("V1__f.up.sql:1:46 security-definer-search-path");
  }

  @Test
  void anAlterThatMakesAFunctionDefinerIsReportedThere() {
    assertThat(
            found(
                "V1__f.up.sql",
                "SELECT 1;",
                "V2__d.up.sql",
                "ALTER FUNCTION legacy.f(int) SECURITY DEFINER;"))
        .containsExactly("V2__d.up.sql:1:30 security-definer-search-path");
    assertThat(
            found(
                "V1__f.up.sql",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';",
                "V2__d.up.sql",
                "ALTER FUNCTION f() SECURITY INVOKER;"))
        .isEmpty();
  }

  @Test
  void wordsInBodiesAreNotClauses() {
    assertThat(
            found(
                "V1__f.up.sql",
                "CREATE FUNCTION f() RETURNS text LANGUAGE sql\n"
                    + "AS $body$ SELECT 'SECURITY DEFINER' $body$;\n"
                    + "CREATE FUNCTION g() RETURNS text LANGUAGE sql AS 'SELECT ''SECURITY DEFINER''';"))
        .isEmpty();
    assertThat(
            found(
                "V1__f.up.sql",
                "CREATE FUNCTION f() RETURNS void LANGUAGE sql SECURITY DEFINER\n"
                    + "BEGIN ATOMIC\n  UPDATE settings SET search_path = 'x';\nEND;"))
        .containsExactly("V1__f.up.sql:1:47 security-definer-search-path");
    assertThat(
            found(
                "V1__f.up.sql",
                "CREATE FUNCTION f(\"security\" int, definer int) RETURNS int LANGUAGE sql"
                    + " RETURN \"security\" + definer;"))
        .isEmpty();
  }

  @Test
  void theMessageNamesTheFunctionAndItsArguments() {
    assertThat(
            Lint.message(
                Lint.run(
                    "V1__f.up.sql",
                    "CREATE FUNCTION \"Api\".\"Count\"(n numeric(10,2), t timestamptz) RETURNS int"
                        + " LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';")))
        .startsWith("\"Api\".\"Count\"(numeric,timestamptz) is SECURITY DEFINER without a pinned");
  }

  @Test
  void renamesAndSchemaMovesAreFollowed() {
    String create =
        "CREATE FUNCTION a.f(int) RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';\n"
            + "CREATE FUNCTION a.f(text) RETURNS int LANGUAGE sql SECURITY DEFINER AS 'SELECT 1';";
    assertThat(
            found(
                "V1__f.up.sql",
                create,
                "V2__m.up.sql",
                "ALTER FUNCTION a.f(int) RENAME TO g;\nALTER FUNCTION a.g SET SCHEMA b;\n"
                    + "ALTER FUNCTION b.g(integer) SET search_path = '';\n"
                    + "ALTER FUNCTION a.f(text) SET search_path = '';"))
        .isEmpty();
    assertThat(
            found(
                "V1__f.up.sql",
                create,
                "V2__m.up.sql",
                "ALTER FUNCTION a.f(int) RENAME TO g;\nALTER FUNCTION a.f SET search_path = '';"))
        .containsExactly("V1__f.up.sql:1:51 security-definer-search-path");
  }
}
