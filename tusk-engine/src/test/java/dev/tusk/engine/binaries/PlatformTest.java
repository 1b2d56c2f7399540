package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.core.error.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

  /** The resource names inside zonky's jars (checked with unzip -l on the 18.3.0 jars). */
  @ParameterizedTest
  @CsvSource({
    "Linux, amd64, postgres-linux-x86_64.txz",
    "Linux, x86_64, postgres-linux-x86_64.txz",
    "Linux, aarch64, postgres-linux-arm_64.txz",
    "Mac OS X, aarch64, postgres-darwin-arm_64.txz",
    "Mac OS X, x86_64, postgres-darwin-x86_64.txz",
  })
  void namesTheArchiveInTheBinariesJar(String os, String arch, String resource) {
    assertThat(Platform.of(os, arch).archiveResource()).isEqualTo(resource);
  }

  @ParameterizedTest
  @CsvSource({"Windows 11, amd64", "Linux, s390x", "Linux, riscv64", "FreeBSD, amd64", "'', ''"})
  void otherPlatformsAreAConfigErrorPointingAtBinDir(String os, String arch) {
    assertThatThrownBy(() -> Platform.of(os, arch))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.code()).isEqualTo("binaries.unsupported_platform");
              assertThat(e.getMessage()).contains(os).contains(arch);
              assertThat(e.hint())
                  .hasValueSatisfying(h -> assertThat(h).contains("postgres.bin_dir"));
            });
  }

  @org.junit.jupiter.api.Test
  void thisMachineHasAnArchiveOnTheTestClasspath() {
    String resource = Platform.current().archiveResource();
    assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
  }
}
