package dev.tusk.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

  @Test
  void everyLengthRoundTrips() {
    Random random = new Random(7);
    for (int n = 0; n < 70; n++) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      assertThat(Base64Url.decode(Base64Url.encode(bytes))).get().isEqualTo(bytes);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"QQ==", "QQ=", "Q", "QR", "QUI=", "QUJ", "a+b/", "a b", "\u00e9\u00e9", "QQ\n"})
  void nonCanonicalOrForeignTextIsRefused(String text) {
    assertThat(Base64Url.decode(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "QQ", "QUI", "QUJD", "-_-_"})
  void canonicalTextDecodes(String text) {
    assertThat(Base64Url.decode(text)).isPresent();
  }
}
