package dev.tusk.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tusk.core.error.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files that are not a reasonable config: each gets a clear error, never a crash or a hang. */
class HostileInputTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  static String aliasBomb() {
    StringBuilder s =
        new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      s.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        s.append(i == 0 ? "" : ",").append('*').append(p);
      }
      s.append("]\n");
    }
    return s.toString();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("alias bomb", aliasBomb(), "config.parse_error", "aliases"),
        Arguments.of(
            "tab indentation",
            "postgres:\n\tport: 5432\n",
            "config.parse_error",
            "cannot parse tusk.yaml:2:1"),
        Arguments.of(
            "deep flow nesting",
            "postgres: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n",
            "config.parse_error",
            "nested more than 20 levels"),
        Arguments.of(
            "deep block nesting", deepBlock(40), "config.parse_error", "nested more than 20"),
        Arguments.of(
            "two documents",
            "postgres: { port: 1 }\n---\npostgres: { port: 2 }\n",
            "config.parse_error",
            "tusk.yaml:2:1: a second YAML document"),
        Arguments.of(
            "root is a list", "- postgres\n", "config.bad_type", "must be a mapping of key: value"),
        Arguments.of(
            "root is a scalar",
            "hello\n",
            "config.bad_type",
            "got a single value at tusk.yaml:1:1"),
        Arguments.of(
            "duplicate top-level key",
            "postgres: {}\nadmin: {}\npostgres: {}\n",
            "config.duplicate_key",
            "duplicate key 'postgres' in the top level at tusk.yaml:3:1 (first at tusk.yaml:1:1)"),
        Arguments.of(
            "duplicate nested key",
            "postgres:\n  port: 1\n  port: 2\n",
            "config.duplicate_key",
            "duplicate key 'port' in postgres at tusk.yaml:3:3"),
        Arguments.of("list as key", "? [a, b]\n: 1\n", "config.bad_type", "a key in the top level"),
        Arguments.of(
            "recursive alias",
            "databases: &d [*d]\n",
            "config.bad_type",
            "databases[0] must be a mapping"),
        Arguments.of(
            "undefined alias", "postgres: *nope\n", "config.parse_error", "undefined alias"),
        Arguments.of(
            "unclosed quote", "postgres: { listen: \"x }\n", "config.parse_error", "tusk.yaml:"),
        Arguments.of(
            "NUL byte in the text",
            "postgres:\n  port: 54\u000032\n",
            "config.parse_error",
            "U+0000 at line 2, column 11"),
        Arguments.of(
            "escape sequence in the text",
            "postgres: {}\n\u001b[2J\n",
            "config.parse_error",
            "control character U+001B at line 2, column 1"));
  }

  static String deepBlock(int depth) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      s.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    return s.append("  ".repeat(depth)).append("v\n").toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedYamlIsAConfigError(String name, String text, String code, String message) {
    ConfigException e = f.fail(text);

    assertThat(e.code()).isEqualTo(code);
    assertThat(e.getMessage()).contains(message);
    assertThat(e.hint()).isPresent();
  }

  @Test
  void tabIndentationGetsAHintAboutSpaces() {
    ConfigException e = f.fail("postgres:\n\tport: 5432\n");

    assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("spaces"));
  }

  @Test
  void aFileOverOneMebibyteIsRefusedBeforeParsing() {
    byte[] big = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) '#');
    f.writeBytes("tusk.yaml", big);

    ConfigException e = f.failLoading(Optional.of(Path.of("tusk.yaml")));

    assertThat(e.code()).isEqualTo("config.too_large");
    assertThat(e.getMessage()).contains("tusk.yaml").contains("1024 KiB");
  }

  @Test
  void aFileOfExactlyTheLimitIsStillRead() {
    String head = "postgres: { port: 6000 }\n";
    String text = head + "#".repeat(ConfigLoader.MAX_FILE_BYTES - head.length() - 1) + "\n";
    assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(ConfigLoader.MAX_FILE_BYTES);

    assertThat(f.load(text).postgres().port()).isEqualTo(6000);
  }

  @Test
  void anEndlessDeviceIsCutOffAtTheLimit() {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(zero), "needs /dev/zero");

    ConfigException e = f.failLoading(Optional.of(zero));

    assertThat(e.code()).isEqualTo("config.too_large");
  }

  @Test
  void nonUtf8BytesAreRefusedWithTheirLine() {
    byte[] latin1 = "postgres:\n  superuser: m\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1);
    f.writeBytes("tusk.yaml", latin1);

    ConfigException e = f.failLoading(Optional.of(Path.of("tusk.yaml")));

    assertThat(e.code()).isEqualTo("config.parse_error");
    assertThat(e.getMessage()).contains("not valid UTF-8").contains("0xfc").contains("line 2");
  }

  @Test
  void binaryContentIsRefused() {
    byte[] binary = new byte[4096];
    new java.util.Random(42).nextBytes(binary);
    f.writeBytes("tusk.yaml", binary);

    ConfigException e = f.failLoading(Optional.of(Path.of("tusk.yaml")));

    assertThat(e.code()).isEqualTo("config.parse_error");
  }

  @Test
  void aByteOrderMarkIsAllowed() {
    assertThat(f.load("\uFEFFpostgres: { port: 6001 }\n").postgres().port()).isEqualTo(6001);
  }

  @Test
  void aHugeUnknownKeyIsReportedWithoutTakingForever() {
    ConfigException e = f.fail("? k" + "x".repeat(500_000) + "\n: 1\n");

    assertThat(e.code()).isEqualTo("config.unknown_key");
    assertThat(e.getMessage()).contains("tusk.yaml:1:3").hasSizeLessThan(1000);
  }

  @Test
  void aLongMembershipChainIsCheckedWithoutRecursion() {
    StringBuilder s = new StringBuilder("databases: []\nroles:\n");
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      s.append("  - { name: r")
          .append(i)
          .append(", member_of: [r")
          .append((i + 1) % n)
          .append("] }\n");
    }

    ConfigException e = f.fail(s.toString());

    assertThat(e.code()).isEqualTo("config.bad_value");
    assertThat(e.getMessage())
        .contains("membership cycle: r0 -> r1 -> r2")
        .contains("(20000 roles) -> r0")
        .hasSizeLessThan(300);
  }
}
