package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChecksumTest {

  private static String sum(String s) {
    return Checksum.sha256(Checksum.normaliseLineEnds(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void knownSha256Values() {
    assertThat(sum(""))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(sum("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void crlfAndLfFilesHaveTheSameChecksum() {
    assertThat(sum("SELECT 1;\r\nSELECT 2;\r\n")).isEqualTo(sum("SELECT 1;\nSELECT 2;\n"));
    assertThat(sum("a\r\n")).isEqualTo(sum("abc".substring(0, 1) + "\n"));
  }

  @Test
  void everyOtherByteCounts() {
    assertThat(sum("SELECT 1;\r")).isNotEqualTo(sum("SELECT 1;\n"));
    assertThat(sum("SELECT 1;\n")).isNotEqualTo(sum("SELECT 1; \n"));
    assertThat(sum("\uFEFFSELECT 1;")).isNotEqualTo(sum("SELECT 1;"));
    assertThat(sum("SELECT 1;\n\n")).isNotEqualTo(sum("SELECT 1;\n"));
  }

  @Test
  void normalisationKeepsLoneCarriageReturns() {
    byte[] in = "a\r\r\nb\rc\r".getBytes(StandardCharsets.US_ASCII);
    assertThat(new String(Checksum.normaliseLineEnds(in), StandardCharsets.US_ASCII))
        .isEqualTo("a\r\nb\rc\r");
  }
}
