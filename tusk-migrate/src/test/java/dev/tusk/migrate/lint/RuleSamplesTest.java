package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule fires on its bad sample, exactly once and at the right place, and not at all on the
 * corrected sample. These are the examples docs/migrations.md shows under "Lint". Each sample is
 * two files: V1 makes a table with data in it (so it is not new when V2 runs), V2 is the change.
 */
class RuleSamplesTest {

  static final String V1 =
      "CREATE TABLE api.orders (id bigint PRIMARY KEY, note text, placed_at timestamptz);\n"
          + "ALTER TABLE api.orders ENABLE ROW LEVEL SECURITY;\n";

  static Stream<Arguments> samples() {
    return Stream.of(
        sample(
            "rls-missing",
            "CREATE TABLE api.invoices (id bigint PRIMARY KEY);\n",
            "CREATE TABLE api.invoices (id bigint PRIMARY KEY);\n"
                + "ALTER TABLE api.invoices ENABLE ROW LEVEL SECURITY;\n",
            "V2__x.up.sql:1:14"),
        sample(
            "security-definer-search-path",
            "CREATE FUNCTION api.order_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER\n"
                + "AS $$ SELECT count(*) FROM api.orders $$;\n",
            "CREATE FUNCTION api.order_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER\n"
                + "SET search_path = pg_catalog, pg_temp\n"
                + "AS $$ SELECT count(*) FROM api.orders $$;\n",
            "V2__x.up.sql:1:63"),
        sample(
            "timestamp-without-tz",
            "ALTER TABLE api.orders ADD COLUMN shipped_at timestamp;\n",
            "ALTER TABLE api.orders ADD COLUMN shipped_at timestamptz;\n",
            "V2__x.up.sql:1:46"),
        sample(
            "drop-column",
            "ALTER TABLE api.orders DROP COLUMN note;\n",
            "-- tusk-lint-ignore drop-column -- the app stopped using note in release 41\n"
                + "ALTER TABLE api.orders DROP COLUMN note;\n",
            "V2__x.up.sql:1:24"),
        sample(
            "alter-column-type",
            "ALTER TABLE api.orders ALTER COLUMN note TYPE varchar(200);\n",
            "ALTER TABLE api.orders ADD COLUMN note_short varchar(200);\n",
            "V2__x.up.sql:1:24"),
        sample(
            "index-not-concurrent",
            "CREATE INDEX orders_placed_at ON api.orders (placed_at);\n",
            "-- tusk:no-transaction\n"
                + "CREATE INDEX CONCURRENTLY orders_placed_at ON api.orders (placed_at);\n",
            "V2__x.up.sql:1:1"),
        sample(
            "needs-no-transaction",
            "CREATE INDEX CONCURRENTLY orders_placed_at ON api.orders (placed_at);\n",
            "-- tusk:no-transaction\n"
                + "CREATE INDEX CONCURRENTLY orders_placed_at ON api.orders (placed_at);\n",
            "V2__x.up.sql:1:14"),
        sample(
            "bad-suppression",
            "-- tusk-lint-ignore drop-colum\nALTER TABLE api.orders DROP COLUMN note;\n",
            "-- tusk-lint-ignore drop-column\nALTER TABLE api.orders DROP COLUMN note;\n",
            "V2__x.up.sql:1:1",
            "V2__x.up.sql:2:24 drop-column"));
  }

  /** {@code where} the rule fires on {@code bad}, then any other findings it has. */
  private static Arguments sample(
      String rule, String bad, String fixed, String where, String... alsoFound) {
    List<String> expected = new ArrayList<>(List.of(where + " " + rule));
    expected.addAll(List.of(alsoFound));
    return Arguments.of(rule, bad, fixed, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void firesOnTheBadSampleOnly(String rule, String bad, String fixed, List<String> expected) {
    LintResult before = Lint.exposing(List.of("api"), "V1__orders.up.sql", V1, "V2__x.up.sql", bad);
    LintResult after =
        Lint.exposing(List.of("api"), "V1__orders.up.sql", V1, "V2__x.up.sql", fixed);

    assertThat(Lint.found(before)).containsExactlyElementsOf(expected);
    assertThat(Lint.found(after)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyRuleHasASample(String rule, String bad, String fixed, List<String> expected) {
    assertThat(Rule.byId(rule)).isPresent();
  }

  @org.junit.jupiter.api.Test
  void theSamplesCoverEveryRule() {
    assertThat(samples().map(a -> (String) a.get()[0]).toList())
        .containsExactlyInAnyOrderElementsOf(Stream.of(Rule.values()).map(Rule::id).toList());
  }
}
