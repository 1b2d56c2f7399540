package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdvisoryLockTest {

  @Test
  void keyIsDerivedFromTheNameAndStable() {
    // first 8 bytes of sha256("tusk.migrate") = afb7595f2120278d (printf tusk.migrate | sha256sum)
    assertThat(AdvisoryLock.KEY).isEqualTo(AdvisoryLock.derive("tusk.migrate"));
    assertThat(Long.toHexString(AdvisoryLock.KEY)).isEqualTo(EXPECTED);
    assertThat(AdvisoryLock.derive("tusk.migrate.other")).isNotEqualTo(AdvisoryLock.KEY);
  }

  static final String EXPECTED = "afb7595f2120278d";
}
