package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure scanner stage: names, encodings, empties, duplicates and ordering. */
class ScannerTest {

  static ConfigException error(SourceFile... files) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> MigrationScanner.parse(List.of(files)));
    assertThat(e).as("expected a ConfigException").isNotNull();
    return e;
  }

  @Test
  void buildsAnOrderedSet() {
    MigrationSet set =
        MigrationScanner.parse(
            List.of(
                SourceFile.of("V10__ten.up.sql", "SELECT 10;"),
                SourceFile.of("V2__two.up.sql", "SELECT 2;"),
                SourceFile.of("V2__two.down.sql", "-- tusk:no-transaction\nSELECT -2;"),
                SourceFile.of("V1.10__sub.up.sql", "SELECT 1.10;"),
                SourceFile.of("V1_9__sub.up.sql", "SELECT 1.9;"),
                SourceFile.of("R__views.sql", "CREATE VIEW v AS SELECT 1;"),
                SourceFile.of("R__funcs.sql", "SELECT 'f';")));
    assertThat(set.versioned().stream().map(m -> m.version().toString()))
        .containsExactly("1.9", "1.10", "2", "10");
    VersionedMigration two = set.find(Version.parse("2")).orElseThrow();
    assertThat(two.name()).isEqualTo("two");
    assertThat(two.up().statements()).containsExactly(new SqlStatement.Plain(1, "SELECT 2"));
    assertThat(two.down().orElseThrow().transactional()).isFalse();
    assertThat(two.checksum()).hasSize(64);
    assertThat(set.find(Version.parse("10")).orElseThrow().down()).isEmpty();
    assertThat(set.repeatable().stream().map(RepeatableMigration::name))
        .containsExactly("funcs", "views");
  }

  @Test
  void crlfFilesSplitAndSumLikeLfFiles() {
    MigrationSet lf =
        MigrationScanner.parse(List.of(SourceFile.of("V1__a.up.sql", "SELECT 1;\nSELECT 2;\n")));
    MigrationSet crlf =
        MigrationScanner.parse(
            List.of(SourceFile.of("V1__a.up.sql", "SELECT 1;\r\nSELECT 2;\r\n")));
    assertThat(crlf.versioned().get(0).checksum()).isEqualTo(lf.versioned().get(0).checksum());
    assertThat(crlf.versioned().get(0).up().statements())
        .isEqualTo(lf.versioned().get(0).up().statements());
  }

  @Test
  void duplicateVersionsNameBothFiles() {
    ConfigException e =
        error(
            SourceFile.of("V1__a.up.sql", "SELECT 1;"),
            SourceFile.of("V01__b.up.sql", "SELECT 1;"));
    assertThat(e.code()).isEqualTo("migrate.duplicate_version");
    assertThat(e.getMessage()).contains("V01__b.up.sql").contains("V1__a.up.sql");
    assertThat(
            error(SourceFile.of("V1.0__a.up.sql", "SELECT 1;"), SourceFile.of("V1__a.up.sql", "x;"))
                .code())
        .isEqualTo("migrate.duplicate_version");
  }

  @Test
  void downWithoutUpAndMismatchedNames() {
    ConfigException missing = error(SourceFile.of("V3__x.down.sql", "SELECT 1;"));
    assertThat(missing.code()).isEqualTo("migrate.missing_up");
    assertThat(missing.getMessage()).contains("V3__x.down.sql");
    ConfigException mismatch =
        error(SourceFile.of("V3__x.up.sql", "SELECT 1;"), SourceFile.of("V3__y.down.sql", "x;"));
    assertThat(mismatch.code()).isEqualTo("migrate.name_mismatch");
  }

  @Test
  void badNamesAreErrorsWithTheExpectedPatternInTheHint() {
    ConfigException e = error(SourceFile.of("V1_foo.sql", "SELECT 1;"));
    assertThat(e.code()).isEqualTo("migrate.bad_name");
    assertThat(e.getMessage()).contains("'V1_foo.sql'");
    assertThat(e.hint()).get().asString().contains("V<version>__<name>.up.sql");
  }

  @Test
  void nonUtf8NamesTheLineAndByte() {
    byte[] latin1 = "SELECT 1;\nSELECT 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
    ConfigException e = error(new SourceFile("V1__a.up.sql", latin1));
    assertThat(e.code()).isEqualTo("migrate.not_utf8");
    assertThat(e.getMessage()).startsWith("V1__a.up.sql:2: byte 21 ");
    byte[] utf16 = "SELECT 1;".getBytes(StandardCharsets.UTF_16);
    assertThat(error(new SourceFile("V1__a.up.sql", utf16)).code()).isEqualTo("migrate.not_utf8");
    byte[] truncated = {'S', 'E', 'L', (byte) 0xE2, (byte) 0x82};
    assertThat(error(new SourceFile("V1__a.up.sql", truncated)).code())
        .isEqualTo("migrate.not_utf8");
    byte[] overlong = {'S', (byte) 0xC0, (byte) 0x80};
    assertThat(error(new SourceFile("V1__a.up.sql", overlong)).code())
        .isEqualTo("migrate.not_utf8");
  }

  @Test
  void nulBytesAreRefused() {
    ConfigException e = error(SourceFile.of("V1__a.up.sql", "SELECT 1;\nSELECT '\0';"));
    assertThat(e.code()).isEqualTo("migrate.nul_byte");
    assertThat(e.getMessage()).startsWith("V1__a.up.sql:2:");
  }

  @Test
  void emptyFilesAreErrors() {
    for (String empty :
        new String[] {"", "  \n\t\n", "-- only a comment\n/* and a block */\n", ";;;"}) {
      ConfigException e = error(SourceFile.of("V1__a.up.sql", empty));
      assertThat(e.code()).isEqualTo("migrate.empty_file");
      assertThat(e.getMessage()).contains("V1__a.up.sql");
    }
    assertThat(
            error(SourceFile.of("V1__a.up.sql", "x;"), SourceFile.of("V1__a.down.sql", " ")).code())
        .isEqualTo("migrate.empty_file");
    assertThat(error(SourceFile.of("R__v.sql", "-- nothing")).code())
        .isEqualTo("migrate.empty_file");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    ConfigException e =
        error(
            SourceFile.of("V1__ok.up.sql", "SELECT 1;"),
            SourceFile.of("V2_bad.sql", "SELECT 1;"),
            SourceFile.of("V3__empty.up.sql", ""),
            SourceFile.of("V4__q.up.sql", "SELECT 'open"),
            SourceFile.of("V5__tx.up.sql", "BEGIN; SELECT 1; COMMIT;"));
    assertThat(e.code()).isEqualTo("migrate.invalid_files");
    assertThat(e.getMessage()).startsWith("4 problems");
    assertThat(e.detail())
        .get()
        .asString()
        .contains("migrate.bad_name")
        .contains("migrate.empty_file")
        .contains("V4__q.up.sql:1")
        .contains("migrate.transaction_control");
  }

  @Test
  void aVersionGapIsNotAnError() {
    MigrationSet set =
        MigrationScanner.parse(
            List.of(SourceFile.of("V1__a.up.sql", "x;"), SourceFile.of("V7__b.up.sql", "y;")));
    assertThat(set.versioned()).hasSize(2);
  }

  @Test
  void anEmptyDirectoryIsAnEmptySet() {
    MigrationSet set = MigrationScanner.parse(List.of());
    assertThat(set.versioned()).isEmpty();
    assertThat(set.repeatable()).isEmpty();
  }
}
