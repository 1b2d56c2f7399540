package dev.tusk.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import org.junit.jupiter.api.Test;

/** {@code -- tusk-lint-ignore}: which statement a comment belongs to, and malformed comments. */
class SuppressionTest {

  static final String V1 = "CREATE TABLE t (a int, b int, c int);";

  private static LintResult change(String sql) {
    return Lint.run("V1__t.up.sql", V1, "V2__c.up.sql", sql);
  }

  @Test
  void aCommentBeforeAStatementCoversThatStatementOnly() {
    LintResult r =
        change(
            "-- tusk-lint-ignore drop-column\n"
                + "-- (the column is unused since release 41)\n"
                + "ALTER TABLE t DROP COLUMN a;\n"
                + "ALTER TABLE t DROP COLUMN b;");
    assertThat(Lint.found(r)).containsExactly("V2__c.up.sql:4:15 drop-column");
    assertThat(r.suppressed()).isEqualTo(1);
    assertThat(r.toText(false, f -> f)).contains("; 1 suppressed.");
  }

  @Test
  void aCommentAfterTheSemicolonOrInsideCoversItsOwnStatement() {
    LintResult r =
        change(
            "ALTER TABLE t DROP COLUMN a; -- tusk-lint-ignore drop-column\n"
                + "ALTER TABLE t\n"
                + "  -- tusk-lint-ignore: drop-column, alter-column-type -- reviewed\n"
                + "  DROP COLUMN b,\n"
                + "  ALTER c TYPE bigint;\n"
                + "ALTER TABLE t ADD d int; ALTER TABLE t DROP d; -- tusk-lint-ignore drop-column");
    assertThat(Lint.found(r)).isEmpty();
    assertThat(r.suppressed()).isEqualTo(3);
  }

  @Test
  void aCommentOnlySuppressesTheRulesItNames() {
    assertThat(
            Lint.found(
                change("-- tusk-lint-ignore alter-column-type\nALTER TABLE t DROP COLUMN a;")))
        .containsExactly("V2__c.up.sql:2:15 drop-column");
  }

  @Test
  void malformedCommentsAreErrorsAndSuppressNothing() {
    LintResult r =
        change(
            "-- tusk-lint-ignore drop-colum\nALTER TABLE t DROP COLUMN a;\n"
                + "-- tusk-lint-ignore\nALTER TABLE t DROP COLUMN b;\n"
                + "-- tusk-lint-ignores drop-column\nALTER TABLE t DROP COLUMN c;\n"
                + "-- tusk-lint-ignore bad-suppression\nSELECT 1;\n"
                + "SELECT 2;\n-- tusk-lint-ignore drop-column\n");
    assertThat(Lint.found(r))
        .containsExactly(
            "V2__c.up.sql:1:1 bad-suppression",
            "V2__c.up.sql:2:15 drop-column",
            "V2__c.up.sql:3:1 bad-suppression",
            "V2__c.up.sql:4:15 drop-column",
            "V2__c.up.sql:5:1 bad-suppression",
            "V2__c.up.sql:6:15 drop-column",
            "V2__c.up.sql:7:1 bad-suppression",
            "V2__c.up.sql:10:1 bad-suppression");
    assertThat(r.findings().stream().map(LintFinding::message).toList())
        .contains(
            "tusk-lint-ignore names unknown rule 'drop-colum'; did you mean 'drop-column'?",
            "tusk-lint-ignore names no rule; it suppresses nothing",
            "unknown lint comment 'tusk-lint-ignores'; the only one is tusk-lint-ignore",
            "tusk-lint-ignore names unknown rule 'bad-suppression'",
            "this lint comment is at the end of the file, with no statement after it to apply to");
    assertThat(r.failed(false)).isTrue();
  }

  @Test
  void aHugeUnknownRuleIsShortenedInTheMessage() {
    LintResult r = change("-- tusk-lint-ignore " + "x".repeat(10_000) + "\nSELECT 1;");
    assertThat(Lint.message(r).length()).isLessThan(150);
  }

  @Test
  void theDirectiveSpellingIsRefusedByTheSplitterNotSilentlyIgnored() {
    ConfigException e =
        Lint.refused("V1__x.up.sql", "SELECT 1;\n-- tusk:lint-ignore drop-column\nSELECT 2;");
    assertThat(e.code()).isEqualTo("migrate.directive");
  }
}
