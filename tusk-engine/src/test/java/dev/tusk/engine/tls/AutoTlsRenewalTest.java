package dev.tusk.engine.tls;

import static dev.tusk.engine.tls.AutoTlsTest.CLOCK;
import static dev.tusk.engine.tls.AutoTlsTest.NAMES;
import static dev.tusk.engine.tls.AutoTlsTest.NOW;
import static dev.tusk.engine.tls.AutoTlsTest.cert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tusk.engine.tls.AutoTlsResult.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotence: what a second, later or differently-named run keeps and what it replaces. */
class AutoTlsRenewalTest {

  @TempDir Path dir;
  Map<String, byte[]> first;

  @BeforeEach
  void createOnce() throws Exception {
    assertThat(new AutoTls(CLOCK).ensureAuto(dir, NAMES).action()).isEqualTo(Action.CREATED);
    first = snapshot();
  }

  @Test
  void secondRunReusesEveryByte() throws Exception {
    AutoTlsResult again = new AutoTls(CLOCK).ensureAuto(dir, NAMES);

    assertThat(again.action()).isEqualTo(Action.REUSED);
    assertSame(snapshot(), "ca.crt", "ca.key", "server.crt", "server.key");
  }

  @Test
  void fewerNamesOrAnotherSpellingStillReuses() throws Exception {
    AutoTlsResult again =
        new AutoTls(CLOCK).ensureAuto(dir, List.of("LOCALHOST", "0:0:0:0:0:0:0:1"));

    assertThat(again.action()).isEqualTo(Action.REUSED);
    assertSame(snapshot(), "server.crt", "server.key");
  }

  @Test
  void nearExpiryRenewsTheServerCertButKeepsTheCa() throws Exception {
    Clock later = Clock.offset(CLOCK, Duration.ofDays(340));
    AutoTlsResult renewed = new AutoTls(later).ensureAuto(dir, NAMES);

    assertThat(renewed.action()).isEqualTo(Action.RENEWED);
    assertThat(renewed.reason()).contains("server.crt expires").contains("within 30 days");
    Map<String, byte[]> now = snapshot();
    assertSame(now, "ca.crt", "ca.key");
    assertDifferent(now, "server.crt", "server.key");
    cert(dir.resolve("server.crt")).verify(cert(dir.resolve("ca.crt")).getPublicKey());
    assertThat(renewed.serverNotAfter()).isEqualTo(later.instant().plus(Duration.ofDays(365)));
    assertThat(new AutoTls(later).ensureAuto(dir, NAMES).action()).isEqualTo(Action.REUSED);
  }

  @Test
  void justOutsideTheRenewalWindowReuses() throws Exception {
    Clock later = Clock.offset(CLOCK, Duration.ofDays(334));
    assertThat(new AutoTls(later).ensureAuto(dir, NAMES).action()).isEqualTo(Action.REUSED);
  }

  @Test
  void aNewNameRenewsTheServerCertAndNamesWhatWasMissing() throws Exception {
    AutoTlsResult renewed =
        new AutoTls(CLOCK).ensureAuto(dir, List.of("localhost", "db2.example.com", "10.0.0.5"));

    assertThat(renewed.action()).isEqualTo(Action.RENEWED);
    assertThat(renewed.reason()).isEqualTo("server.crt does not name db2.example.com, 10.0.0.5");
    assertSame(snapshot(), "ca.crt", "ca.key");
    assertThat(cert(dir.resolve("server.crt")).getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "localhost"), List.of(2, "db2.example.com"), List.of(7, "10.0.0.5"));
  }

  @Test
  void anExpiringCaReplacesEverything() throws Exception {
    Clock nineYearsOn = Clock.offset(CLOCK, Duration.ofDays(3640));
    AutoTlsResult result = new AutoTls(nineYearsOn).ensureAuto(dir, NAMES);

    assertThat(result.action()).isEqualTo(Action.RECREATED);
    assertThat(result.reason()).startsWith("ca.crt expires");
    assertDifferent(snapshot(), "ca.crt", "ca.key", "server.crt", "server.key");
  }

  @Test
  void serverCertNeverOutlivesTheCa() throws Exception {
    Clock late = Clock.offset(CLOCK, Duration.ofDays(3500));
    AutoTlsResult result = new AutoTls(late).ensureAuto(dir, List.of("other.example"));

    assertThat(result.action()).isEqualTo(Action.RENEWED);
    assertThat(result.serverNotAfter())
        .isEqualTo(cert(dir.resolve("ca.crt")).getNotAfter().toInstant());
  }

  @Test
  void aClockBeforeTheCaRecreates() throws Exception {
    Clock earlier = Clock.fixed(NOW.minus(Duration.ofDays(2)), ZoneOffset.UTC);
    AutoTlsResult result = new AutoTls(earlier).ensureAuto(dir, NAMES);

    assertThat(result.action()).isEqualTo(Action.RECREATED);
    assertThat(result.reason()).startsWith("ca.crt is not valid until");
  }

  @Test
  void aMissingOrGarbledCaRecreatesEverything() throws Exception {
    Files.write(dir.resolve("ca.key"), new byte[] {1, 2, 3});
    AutoTlsResult garbled = new AutoTls(CLOCK).ensureAuto(dir, NAMES);
    assertThat(garbled.action()).isEqualTo(Action.RECREATED);
    assertThat(garbled.reason()).startsWith("ca.key contains no PEM private key");

    Files.delete(dir.resolve("ca.crt"));
    AutoTlsResult missing = new AutoTls(CLOCK).ensureAuto(dir, NAMES);
    assertThat(missing.action()).isEqualTo(Action.RECREATED);
    assertThat(missing.reason()).isEqualTo("ca.crt does not exist");
  }

  @Test
  void aCaKeyFromAnotherCaRecreates() throws Exception {
    new AutoTls(CLOCK).ensureAuto(dir.resolve("other"), NAMES);
    Files.copy(
        dir.resolve("other/ca.key"),
        dir.resolve("ca.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    AutoTlsResult result = new AutoTls(CLOCK).ensureAuto(dir, NAMES);
    assertThat(result.action()).isEqualTo(Action.RECREATED);
    assertThat(result.reason()).isEqualTo("ca.key does not match ca.crt");
  }

  @Test
  void aBrokenServerPairIsRenewedUnderTheSameCa() throws Exception {
    new AutoTls(CLOCK).ensureAuto(dir.resolve("other"), NAMES);
    Files.copy(
        dir.resolve("other/server.key"),
        dir.resolve("server.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(new AutoTls(CLOCK).ensureAuto(dir, NAMES).reason())
        .isEqualTo("server.key does not match server.crt");

    Files.copy(
        dir.resolve("other/server.key"),
        dir.resolve("server.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        dir.resolve("other/server.crt"),
        dir.resolve("server.crt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(new AutoTls(CLOCK).ensureAuto(dir, NAMES).reason())
        .isEqualTo("server.crt was not issued by ca.crt");

    Files.delete(dir.resolve("server.key"));
    AutoTlsResult result = new AutoTls(CLOCK).ensureAuto(dir, NAMES);
    assertThat(result.action()).isEqualTo(Action.RENEWED);
    assertThat(result.reason()).isEqualTo("server.key does not exist");
    assertSame(snapshot(), "ca.crt", "ca.key");
  }

  private Map<String, byte[]> snapshot() throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    for (String name : List.of("ca.crt", "ca.key", "server.crt", "server.key")) {
      files.put(name, Files.readAllBytes(dir.resolve(name)));
    }
    return files;
  }

  private void assertSame(Map<String, byte[]> now, String... names) {
    for (String name : names) {
      assertThat(now.get(name)).as(name).isEqualTo(first.get(name));
    }
  }

  private void assertDifferent(Map<String, byte[]> now, String... names) {
    for (String name : names) {
      assertThat(now.get(name)).as(name).isNotEqualTo(first.get(name));
    }
  }
}
