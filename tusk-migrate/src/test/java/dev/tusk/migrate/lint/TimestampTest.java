package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code timestamp-without-tz}: every spelling of the type, in every place a column gets one. */
class TimestampTest {

  private static List<String> found(String... files) {
    return Lint.found(Lint.run(files));
  }

  @Test
  void everySpellingOfTheNaiveTypeIsFound() {
    assertThat(
            found(
                "V1__t.up.sql",
                "CREATE TABLE t (\n"
                    + "  a timestamp NOT NULL DEFAULT now(),\n"
                    + "  b TIMESTAMP(3),\n"
                    + "  c timestamp without time zone,\n"
                    + "  d pg_catalog.timestamp,\n"
                    + "  e \"timestamp\",\n"
                    + "  f timestamp(6) WITHOUT TIME ZONE[],\n"
                    + "  CONSTRAINT ck CHECK (a < b)\n"
                    + ");"))
        .containsExactly(
            "V1__t.up.sql:2:5 timestamp-without-tz",
            "V1__t.up.sql:3:5 timestamp-without-tz",
            "V1__t.up.sql:4:5 timestamp-without-tz",
            "V1__t.up.sql:5:5 timestamp-without-tz",
            "V1__t.up.sql:6:5 timestamp-without-tz",
            "V1__t.up.sql:7:5 timestamp-without-tz");
  }

  @Test
  void zonedTypesAndColumnsNamedTimestampAreFine() {
    assertThat(
            found(
                "V1__t.up.sql",
                "CREATE TABLE t (\n"
                    + "  a timestamptz,\n"
                    + "  b timestamp with time zone,\n"
                    + "  c TIMESTAMP(3) WITH TIME ZONE,\n"
                    + "  timestamp timestamptz,\n"
                    + "  \"timestamp\" date,\n"
                    + "  d time,\n"
                    + "  e text DEFAULT 'timestamp' -- timestamp\n"
                    + "  /* , f timestamp */\n"
                    + ");\n"
                    + "CREATE TABLE copy AS SELECT now()::timestamp AS at;"))
        .isEmpty();
  }

  @Test
  void addColumnAndAlterTypeAreCheckedToo() {
    assertThat(
            found(
                "V1__t.up.sql",
                "ALTER TABLE t ADD COLUMN a timestamp, ADD b timestamp(0), ADD COLUMN IF NOT EXISTS"
                    + " c timestamp;"))
        .containsExactly(
            "V1__t.up.sql:1:28 timestamp-without-tz",
            "V1__t.up.sql:1:45 timestamp-without-tz",
            "V1__t.up.sql:1:86 timestamp-without-tz");
    assertThat(found("V1__t.up.sql", "ALTER TABLE t ALTER COLUMN a SET DATA TYPE timestamp;"))
        .containsExactly(
            "V1__t.up.sql:1:15 alter-column-type", "V1__t.up.sql:1:44 timestamp-without-tz");
  }

  @Test
  void aLaterFixOrDropClearsIt() {
    String create = "CREATE TABLE t (at timestamp, gone timestamp, renamed timestamp);";
    assertThat(
            found(
                "V1__t.up.sql",
                create,
                "V2__fix.up.sql",
                "-- tusk-lint-ignore alter-column-type, drop-column\n"
                    + "ALTER TABLE t ALTER at TYPE timestamptz USING at AT TIME ZONE 'UTC',"
                    + " DROP COLUMN gone;"))
        .containsExactly("V1__t.up.sql:1:55 timestamp-without-tz");
    assertThat(
            found(
                "V1__t.up.sql",
                create,
                "V2__fix.up.sql",
                "ALTER TABLE t RENAME COLUMN renamed TO later;\n"
                    + "-- tusk-lint-ignore alter-column-type\n"
                    + "ALTER TABLE t ALTER later TYPE timestamptz;\n"
                    + "DROP TABLE t;"))
        .isEmpty();
  }

  @Test
  void theMessageNamesTableAndColumn() {
    assertThat(
            Lint.message(
                Lint.run("V1__t.up.sql", "CREATE TABLE app.\"Events\" (\"At\" timestamp);")))
        .startsWith("column \"At\" of app.\"Events\" is timestamp without time zone");
  }
}
