package dev.tusk.core.config;

import static dev.tusk.core.config.Fixture.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.core.error.ConfigException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TlsTest {

  @TempDir Path tmp;
  Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(tmp);
  }

  private TlsConfig tls(String flow) {
    return f.load(yaml("postgres:", "  tls: " + flow)).postgres().tls();
  }

  @Test
  void modesAreCaseInsensitive() {
    assertThat(tls("{ mode: auto }").mode()).isEqualTo(TlsMode.AUTO);
    assertThat(tls("{ mode: OFF }").mode()).isEqualTo(TlsMode.OFF);
    assertThat(tls("{}").mode()).isEqualTo(TlsMode.AUTO);
  }

  @Test
  void aCertbotDirectoryBecomesItsThreeFiles() {
    TlsConfig t = tls("{ mode: files, dir: certs/live/db.example.com }");

    Path d = tmp.resolve("certs/live/db.example.com");
    assertThat(t)
        .isEqualTo(
            new TlsConfig(
                TlsMode.FILES,
                Optional.of(d),
                Optional.of(d.resolve("fullchain.pem")),
                Optional.of(d.resolve("privkey.pem")),
                Optional.of(d.resolve("chain.pem"))));
  }

  @Test
  void certAndKeyFilesWithAnOptionalCa() {
    assertThat(tls("{ mode: files, cert_file: /c.pem, key_file: k.pem }"))
        .isEqualTo(
            new TlsConfig(
                TlsMode.FILES,
                Optional.empty(),
                Optional.of(Path.of("/c.pem")),
                Optional.of(tmp.resolve("k.pem")),
                Optional.empty()));
    assertThat(
            tls("{ mode: files, cert_file: /c.pem, key_file: /k.pem, ca_file: /ca.pem }").caFile())
        .contains(Path.of("/ca.pem"));
  }

  @Test
  void filesRepeatingWhatTheDirectoryImpliesAreAccepted() {
    TlsConfig t =
        tls("{ mode: files, dir: /d, cert_file: /d/fullchain.pem, ca_file: /d/chain.pem }");

    assertThat(t.keyFile()).contains(Path.of("/d/privkey.pem"));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(
            "{ mode: files }",
            "postgres.tls.mode is files at tusk.yaml:2:16 but postgres.tls.cert_file is not set"),
        Arguments.of("{ mode: files, cert_file: /c.pem }", "postgres.tls.key_file is not set"),
        Arguments.of("{ mode: files, key_file: /k.pem }", "postgres.tls.cert_file is not set"),
        Arguments.of(
            "{ mode: auto, cert_file: /c.pem }",
            "postgres.tls.cert_file is set at tusk.yaml:2:33 but postgres.tls.mode is auto at"
                + " tusk.yaml:2:16"),
        Arguments.of(
            "{ dir: /d }",
            "postgres.tls.dir is set at tusk.yaml:2:15 but postgres.tls"
                + ".mode is auto (the default)"),
        Arguments.of("{ mode: off, ca_file: /ca.pem }", "postgres.tls.ca_file is set"),
        Arguments.of(
            "{ mode: files, dir: /d, cert_file: /elsewhere.pem }",
            "postgres.tls.cert_file at tusk.yaml:2:43 conflicts with postgres.tls.dir, which"
                + " implies /d/fullchain.pem"),
        Arguments.of("{ mode: maybe }", "postgres.tls.mode must be one of auto | files | off"),
        Arguments.of("{ mode: files, dir: \"\" }", "postgres.tls.dir must be a file system path"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesInconsistentTls(String flow, String message) {
    ConfigException e = f.fail(yaml("postgres:", "  tls: " + flow));

    assertThat(e.code()).isEqualTo("config.bad_value");
    assertThat(e.getMessage()).contains(message);
    assertThat(e.hint()).isPresent();
  }

  @Test
  void tlsMustBeAMapping() {
    ConfigException e = f.fail(yaml("postgres:", "  tls: auto"));

    assertThat(e.code()).isEqualTo("config.bad_type");
    assertThat(e.getMessage()).contains("postgres.tls must be a mapping");
  }
}
