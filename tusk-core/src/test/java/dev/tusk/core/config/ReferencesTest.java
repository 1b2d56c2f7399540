package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ${env:NAME}} and {@code ${file:PATH}} in string values. */
class ReferencesTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  private Optional<Secret> password(String value) {
    return f.load(yaml("postgres:", "  superuser_password: " + value))
        .postgres()
        .superuserPassword();
  }

  @Test
  void anEnvReferenceIsReplacedAndRecordedAsTheSecretsSource() {
    f.env("TUSK_SUPERUSER_PASSWORD", "s3cret");

    assertThat(password("${env:TUSK_SUPERUSER_PASSWORD}"))
        .contains(new Secret("s3cret", "env:TUSK_SUPERUSER_PASSWORD"));
  }

  @Test
  void aFileReferenceIsReadRelativeToTheConfigFileAndLosesOneTrailingNewline() {
    f.write("secrets/pw", "from-file\n");

    assertThat(password("${file:secrets/pw}"))
        .contains(new Secret("from-file", "file:" + tmp.resolve("secrets/pw")));
  }

  @Test
  void fileContentKeepsInnerAndOtherTrailingWhitespace() {
    f.write("a", "x y\r\n");
    f.write("b", "x\n\n");
    f.write("c", " x ");

    assertThat(password("${file:a}").orElseThrow().value()).isEqualTo("x y");
    assertThat(password("${file:b}").orElseThrow().value()).isEqualTo("x\n");
    assertThat(password("${file:c}").orElseThrow().value()).isEqualTo(" x ");
  }

  @Test
  void fileReferencesResolveAgainstTheConfigDirectoryNotTheWorkingDirectory() {
    f.write("conf/pw", "inner");
    f.write("pw", "outer");
    f.write("conf/tusk.yaml", yaml("postgres: { superuser_password: \"${file:pw}\" }"));

    TuskConfig c = f.loader().load(Optional.of(Path.of("conf/tusk.yaml")));

    assertThat(c.postgres().superuserPassword().orElseThrow().value()).isEqualTo("inner");
  }

  @Test
  void referencesMayBeEmbeddedAndMixed() {
    f.env("SVC", "shop").env("STAGE", "prod").write("suffix", "x1\n");

    TuskConfig c =
        f.load(
            yaml(
                "cluster: { name: \"db-${env:SVC}-${env:STAGE}\" }",
                "postgres: { superuser_password: \"pre-${env:STAGE}-${file:suffix}\" }"));

    assertThat(c.cluster().name()).isEqualTo("db-shop-prod");
    assertThat(c.postgres().superuserPassword())
        .contains(new Secret("pre-prod-x1", "env:STAGE+file:" + tmp.resolve("suffix")));
  }

  @Test
  void referencesWorkInNonStringKeysListsAndParameters() {
    f.env("PORT", "6000").env("SCHEMA", "content").env("MEM", "1GB");

    TuskConfig c =
        f.load(
            yaml(
                "postgres:",
                "  port: ${env:PORT}",
                "  parameters: { shared_buffers: \"${env:MEM}\" }",
                "databases: [{ name: app, owner: postgres, schemas: [\"${env:SCHEMA}\"] }]"));

    assertThat(c.postgres().port()).isEqualTo(6000);
    assertThat(c.postgres().parameters()).containsEntry("shared_buffers", "1GB");
    assertThat(c.databases().get(0).schemas()).containsExactly("content");
  }

  @Test
  void aReplacedValueIsNotScannedAgain() {
    f.env("A", "${env:B}").env("B", "leaked");

    assertThat(password("${env:A}").orElseThrow().value()).isEqualTo("${env:B}");
  }

  @Test
  void dollarDollarBraceIsALiteral() {
    assertThat(password("\"a$${env:X}b\"")).contains(new Secret("a${env:X}b", "literal"));
    assertThat(password("\"$5 $$ {x} $\"")).contains(new Secret("$5 $$ {x} $", "literal"));
  }

  @Test
  void aMissingEnvironmentVariableNamesTheKeyTheVariableAndThePlace() {
    String text =
        yaml(
            "cluster:",
            "  name: db-app-dev",
            "postgres:",
            "  port: 5432",
            "  listen: 127.0.0.1",
            "  os_user: postgres",
            "  superuser: postgres",
            "  version: 18",
            "  bin_dir: null",
            "  data_dir: ./tusk-data/pgdata",
            "  parameters: {}",
            "  superuser_password: ${env:TUSK_SUPERUSER_PASSWORD}");

    ConfigException e = f.fail(text);

    assertThat(e.code()).isEqualTo("config.missing_env");
    assertThat(e.getMessage())
        .isEqualTo(
            "postgres.superuser_password: environment variable TUSK_SUPERUSER_PASSWORD is not"
                + " set (tusk.yaml:12:23)");
    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("TUSK_SUPERUSER_PASSWORD"));
  }

  static Stream<Arguments> badReferences() {
    return Stream.of(
        Arguments.of("${file:missing.txt}", "config.missing_file", "does not exist"),
        Arguments.of("${file:}", "config.unknown_reference", "the file name is empty"),
        Arguments.of("${file:dir}", "config.unreadable_file", "is a directory"),
        Arguments.of("${vault:x}", "config.unknown_reference", "unknown reference '${vault:x}'"),
        Arguments.of("${TUSK_PW}", "config.unknown_reference", "unknown reference"),
        Arguments.of("${env:1BAD}", "config.unknown_reference", "is not a variable name"),
        Arguments.of("${env:}", "config.unknown_reference", "is not a variable name"),
        Arguments.of("abc${env:X", "config.unknown_reference", "has no closing '}'"),
        Arguments.of("${file:big}", "config.too_large", "larger than 64 KiB"),
        Arguments.of("${file:latin1}", "config.parse_error", "not valid UTF-8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReferences")
  void badReferencesAreErrorsWithTheirPlace(String value, String code, String message) {
    f.write("dir/x", "");
    f.write("big", "x".repeat(Interpolator.MAX_FILE_BYTES + 1));
    f.writeBytes("latin1", "m\u00fcller".getBytes(StandardCharsets.ISO_8859_1));

    ConfigException e = f.fail(yaml("postgres:", "  superuser_password: \"" + value + "\""));

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message).contains("tusk.yaml:2:23");
    assertThat(e.getMessage()).doesNotContain("abc");
  }

  @Test
  void aFileOfExactly64KiBIsAccepted() {
    f.write("max", "y".repeat(Interpolator.MAX_FILE_BYTES));

    assertThat(password("${file:max}").orElseThrow().value()).hasSize(Interpolator.MAX_FILE_BYTES);
  }

  @Test
  void referencesInKeysAreNotExpanded() {
    f.env("K", "port");

    ConfigException e = f.fail(yaml("postgres:", "  ${env:K}: 1"));

    assertThat(e.code()).isEqualTo("config.unknown_key");
  }
}
