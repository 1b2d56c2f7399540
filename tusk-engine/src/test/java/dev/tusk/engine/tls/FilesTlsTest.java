package dev.tusk.engine.tls;

import static dev.tusk.engine.tls.AutoTlsTest.CLOCK;
import static dev.tusk.engine.tls.AutoTlsTest.NAMES;
import static dev.tusk.engine.tls.AutoTlsTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.config.TlsConfig;
import dev.tusk.core.config.TlsMode;
import dev.tusk.core.error.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files mode with certbot-style files, good and bad. */
class FilesTlsTest {

  @TempDir Path tmp;
  Path fullchain;
  Path privkey;
  Path chain;

  /** A certbot-like directory made from an auto CA: fullchain = server + CA, chain = CA. */
  @BeforeEach
  void certbotLayout() throws Exception {
    TlsFiles auto = new AutoTls(CLOCK).ensureAuto(tmp.resolve("auto"), NAMES).files();
    Path live = Files.createDirectories(tmp.resolve("live/db.example.com"));
    String server = Files.readString(auto.serverCert());
    String ca = Files.readString(auto.caCert().orElseThrow());
    fullchain = Files.writeString(live.resolve("fullchain.pem"), server + ca);
    chain = Files.writeString(live.resolve("chain.pem"), ca);
    privkey = Files.copy(auto.serverKey(), live.resolve("privkey.pem"));
  }

  @Test
  void acceptsAValidChainAndKey() {
    TlsFiles files = files(fullchain, privkey, chain);

    assertThat(files).isEqualTo(new TlsFiles(Optional.of(chain), fullchain, privkey));
    assertThat(files(fullchain, privkey, null).caCert()).isEmpty();
  }

  @Test
  void refusesAMissingFileNamingTheKeyAndPath() {
    Path gone = tmp.resolve("nope/fullchain.pem");
    fails(gone, privkey, null, "tls.file_missing")
        .hasMessage("postgres.tls.cert_file " + gone + " does not exist");
    fails(fullchain, gone, null, "tls.file_missing")
        .hasMessageStartingWith("postgres.tls.key_file");
    fails(fullchain, privkey, gone, "tls.file_missing")
        .hasMessageStartingWith("postgres.tls.ca_file");
  }

  @Test
  void refusesABrokenSymlinkSayingSo() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("link.pem"), tmp.resolve("archive/cert1.pem"));
    fails(link, privkey, null, "tls.file_missing").hasMessageContaining("symbolic link");
  }

  @Test
  void refusesADirectory() {
    fails(tmp, privkey, null, "tls.not_a_file").hasMessageContaining(tmp.toString());
  }

  @Test
  void refusesAnEmptyFile() throws Exception {
    Path empty = Files.createFile(tmp.resolve("empty.pem"));
    fails(empty, privkey, null, "tls.file_empty").hasMessageContaining("is empty");
    fails(fullchain, empty, null, "tls.file_empty").hasMessageContaining("postgres.tls.key_file");
  }

  @Test
  void refusesGarbage() throws Exception {
    Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "hello\nthis is not PEM\n");
    fails(garbage, privkey, null, "tls.not_pem").hasMessageContaining(garbage.toString());
    fails(fullchain, garbage, null, "tls.not_pem").hasMessageContaining("no PEM private key");
    fails(fullchain, privkey, garbage, "tls.not_pem");
  }

  @Test
  void refusesCorruptPemBlocks() throws Exception {
    Path badBase64 =
        Files.writeString(
            tmp.resolve("bad.pem"),
            "-----BEGIN CERTIFICATE-----\n!!!!not base64!!!!\n-----END CERTIFICATE-----\n");
    fails(badBase64, privkey, null, "tls.bad_pem");
    Path notDer =
        TestPki.write(tmp.resolve("notder.pem"), TestPki.pem("CERTIFICATE", new byte[] {48, 3, 1}));
    fails(notDer, privkey, null, "tls.bad_pem").hasMessageContaining("block #1");
    Path unterminated =
        Files.writeString(tmp.resolve("cut.pem"), Files.readString(fullchain).substring(0, 300));
    fails(unterminated, privkey, null, "tls.bad_pem");
    Path badKey =
        TestPki.write(tmp.resolve("badkey.pem"), TestPki.pem("PRIVATE KEY", new byte[] {1, 2}));
    fails(fullchain, badKey, null, "tls.bad_pem");
  }

  @Test
  void refusesAHugeRandomFileWithoutReadingItAll() throws Exception {
    Path huge = tmp.resolve("huge.pem");
    byte[] block = new byte[1 << 20];
    new java.util.Random(7).nextBytes(block);
    try (var out = Files.newOutputStream(huge)) {
      for (int i = 0; i < 20; i++) {
        out.write(block);
      }
    }
    fails(huge, privkey, null, "tls.file_too_large").hasMessageContaining("1 MiB");
    fails(fullchain, huge, null, "tls.file_too_large").hasMessageContaining("key_file");
  }

  @Test
  void refusesRandomBinaryUnderTheCap() throws Exception {
    byte[] bytes = new byte[200_000];
    new java.util.Random(11).nextBytes(bytes);
    Path random = Files.write(tmp.resolve("random.pem"), bytes);
    fails(random, privkey, null, "tls.not_pem");
  }

  @Test
  void refusesAKeyThatDoesNotMatch() throws Exception {
    Path otherKey = new AutoTls(CLOCK).ensureAuto(tmp.resolve("other"), NAMES).files().serverKey();
    fails(fullchain, otherKey, null, "tls.key_mismatch")
        .hasMessage(
            "postgres.tls.key_file "
                + otherKey
                + " does not match the certificate in "
                + fullchain);
  }

  @Test
  void saysWhenTheChainIsInTheWrongOrder() throws Exception {
    Path caKey = tmp.resolve("auto/ca.key");
    fails(fullchain, caKey, null, "tls.chain_order").hasMessageContaining("certificate #2 of 2");
  }

  @Test
  void refusesAnExpiredCertificate() {
    Clock twoYearsOn = Clock.offset(CLOCK, Duration.ofDays(730));
    assertThatThrownBy(() -> new FilesTls(twoYearsOn).fromFiles(config(fullchain, privkey, null)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("tls.cert_expired"))
        .hasMessageContaining(fullchain.toString())
        .hasMessageContaining("CN=localhost");
  }

  @Test
  void refusesACertificateNotYetValid() {
    Clock before = Clock.fixed(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC);
    assertThatThrownBy(() -> new FilesTls(before).fromFiles(config(fullchain, privkey, null)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("tls.cert_not_yet_valid"))
        .hasMessageContaining(fullchain.toString());
  }

  @Test
  void refusesUnsetFiles() {
    TlsConfig noKey =
        new TlsConfig(
            TlsMode.FILES,
            Optional.empty(),
            Optional.of(fullchain),
            Optional.empty(),
            Optional.empty());
    assertThatThrownBy(() -> new FilesTls(CLOCK).fromFiles(noKey))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("tls.file_not_set"))
        .hasMessageContaining("postgres.tls.key_file");
  }

  @Test
  void isOnlyForFilesMode() {
    TlsConfig auto =
        new TlsConfig(
            TlsMode.AUTO, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> new FilesTls(CLOCK).fromFiles(auto))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static TlsConfig config(Path cert, Path key, Path ca) {
    return new TlsConfig(
        TlsMode.FILES,
        Optional.empty(),
        Optional.of(cert),
        Optional.of(key),
        Optional.ofNullable(ca));
  }

  private static TlsFiles files(Path cert, Path key, Path ca) {
    return new FilesTls(CLOCK).fromFiles(config(cert, key, ca));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> fails(
      Path cert, Path key, Path ca, String code) {
    return assertThatThrownBy(() -> files(cert, key, ca))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.hint()).isPresent();
            });
  }
}
