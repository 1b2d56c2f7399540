package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code drop-column} and {@code alter-column-type}: which actions count, and what is new. */
class ColumnChangesTest {

  static final String V1 = "CREATE TABLE t (a int, b int, c text);";

  private static List<String> change(String sql) {
    return Lint.found(Lint.run("V1__t.up.sql", V1, "V2__c.up.sql", sql));
  }

  @Test
  void everyFormOfDropColumnIsFound() {
    assertThat(
            change(
                "ALTER TABLE t DROP COLUMN a;\n"
                    + "ALTER TABLE IF EXISTS t DROP b CASCADE;\n"
                    + "ALTER TABLE public.t DROP COLUMN IF EXISTS c, DROP CONSTRAINT t_pkey;"))
        .containsExactly(
            "V2__c.up.sql:1:15 drop-column",
            "V2__c.up.sql:2:25 drop-column",
            "V2__c.up.sql:3:22 drop-column");
  }

  @Test
  void everyFormOfTypeChangeIsFoundButOtherAltersAreNot() {
    assertThat(
            change(
                "ALTER TABLE t ALTER COLUMN a TYPE bigint;\n"
                    + "ALTER TABLE t ALTER b SET DATA TYPE bigint USING b::bigint;\n"
                    + "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x', ALTER c SET NOT NULL,"
                    + " ALTER CONSTRAINT fk DEFERRABLE;"))
        .containsExactly(
            "V2__c.up.sql:1:15 alter-column-type", "V2__c.up.sql:2:15 alter-column-type");
  }

  @Test
  void aTableOrColumnNewInTheSameFileIsNotReported() {
    assertThat(
            Lint.found(
                Lint.run(
                    "V1__t.up.sql",
                    V1 + "\nALTER TABLE t DROP COLUMN a, ALTER b TYPE bigint;",
                    "V2__c.up.sql",
                    "ALTER TABLE t ADD COLUMN d int;\nALTER TABLE t ALTER d TYPE bigint;\n"
                        + "ALTER TABLE t DROP COLUMN d;")))
        .isEmpty();
  }

  @Test
  void theMessagesNameTableAndColumn() {
    assertThat(Lint.message(Lint.run("V1__x.up.sql", "ALTER TABLE \"My T\" DROP \"column\";")))
        .startsWith("DROP COLUMN deletes column \"column\" of public.\"My T\" with all its data");
    assertThat(Lint.message(Lint.run("V1__x.up.sql", "alter table s.t alter x type text;")))
        .startsWith("changing the type of column x of s.t rewrites the table");
  }
}
