package dev.tusk.engine.binaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresVersionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)|15.18|15",
        "postgres (PostgreSQL) 18.3|18.3|18",
        "postgres (PostgreSQL) 18.3\\n|18.3|18",
        "postgres (PostgreSQL) 18beta1|18beta1|18",
        "postgres (PostgreSQL) 18rc1 (Ubuntu 18~rc1-1.pgdg24.04+1)|18rc1|18",
        "postgres (PostgreSQL) 19devel|19devel|19",
        "postgres (PostgreSQL) 9.6.24|9.6.24|9",
        "  postgres (PostgreSQL) 17.2 \\nsecond line|17.2|17",
      })
  void parsesServerOutput(String output, String text, int major) {
    assertThat(PostgresVersion.parseServerOutput(output.replace("\\n", "\n")))
        .contains(new PostgresVersion(text, major));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "postgres (PostgreSQL)",
        "postgres (PostgreSQL) abc",
        "postgres (PostgreSQL) 15.18abc",
        "psql (PostgreSQL) 15.18",
        "postgres (PostgreSQL) 123456789",
        "warning: something\npostgres (PostgreSQL) 15.18"
      })
  void rejectsAnythingElse(String output) {
    assertThat(PostgresVersion.parseServerOutput(output)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"18.3.0, 18.3, 18", "17.6.1, 17.6, 17", "10.23.0, 10.23, 10"})
  void readsZonkyArtifactVersions(String artifact, String text, int major) {
    assertThat(PostgresVersion.ofBinariesArtifact(artifact))
        .isEqualTo(new PostgresVersion(text, major));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "18", "18.3", "${postgres.binaries.version}", "18.3.0-SNAPSHOT"})
  void rejectsOtherArtifactVersions(String artifact) {
    assertThatThrownBy(() -> PostgresVersion.ofBinariesArtifact(artifact))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
