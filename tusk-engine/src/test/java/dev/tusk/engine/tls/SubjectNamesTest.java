package dev.tusk.engine.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectNamesTest {

  @Test
  void splitsHostNamesFromIpLiteralsAndNormalises() throws Exception {
    SubjectNames names =
        SubjectNames.parse(
            List.of("LocalHost", "db.Example.com.", "127.0.0.1", "::1", "[fe80::1]", "10.0.0.5"));

    assertThat(names.dnsNames()).containsExactly("localhost", "db.example.com");
    assertThat(names.addresses())
        .containsExactly(
            InetAddress.getByName("127.0.0.1"),
            InetAddress.getByName("0:0:0:0:0:0:0:1"),
            InetAddress.getByName("fe80::1"),
            InetAddress.getByName("10.0.0.5"));
    assertThat(names.commonName()).isEqualTo("localhost");
  }

  @Test
  void dropsWildcardListenAddressesAndDuplicates() {
    SubjectNames names =
        SubjectNames.parse(List.of("*", "0.0.0.0", "::", "localhost", "LOCALHOST", "127.0.0.1"));

    assertThat(names.dnsNames()).containsExactly("localhost");
    assertThat(names.addresses()).hasSize(1);
  }

  @Test
  void internationalNamesBecomePunycode() {
    assertThat(SubjectNames.parse(List.of("bücher.example")).dnsNames())
        .containsExactly("xn--bcher-kva.example");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "-leading.example",
        "trailing-.example",
        "two..dots",
        "under score",
        "a/b",
        "host:5432",
        "fe80::1%eth0",
        "*.example.com",
        "x\u0000y"
      })
  void refusesValuesThatAreNeitherHostNorAddress(String bad) {
    assertThatThrownBy(() -> SubjectNames.parse(List.of("localhost", bad)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("tls.bad_name"));
  }

  @Test
  void refusesAnOverlongName() {
    char[] label = new char[63];
    Arrays.fill(label, 'a');
    String name =
        String.join(
            ".",
            List.of(new String(label), new String(label), new String(label), new String(label)));
    assertThatThrownBy(() -> SubjectNames.parse(List.of(name)))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("tls.bad_name"));
  }

  @Test
  void refusesNoUsableNames() {
    assertThatThrownBy(() -> SubjectNames.parse(List.of("*", "0.0.0.0")))
        .isInstanceOfSatisfying(
            ConfigException.class, e -> assertThat(e.code()).isEqualTo("tls.no_names"));
    assertThatThrownBy(() -> SubjectNames.parse(List.of())).isInstanceOf(ConfigException.class);
  }

  @Test
  void coversAndMissingCompareAddressesByValue() {
    SubjectNames have = SubjectNames.parse(List.of("localhost", "0:0:0:0:0:0:0:1"));
    SubjectNames want = SubjectNames.parse(List.of("LOCALHOST", "::1"));
    SubjectNames more = SubjectNames.parse(List.of("localhost", "::1", "db", "10.0.0.5"));

    assertThat(have.covers(want)).isTrue();
    assertThat(have.covers(more)).isFalse();
    assertThat(have.missing(more)).containsExactly("db", "10.0.0.5");
  }
}
