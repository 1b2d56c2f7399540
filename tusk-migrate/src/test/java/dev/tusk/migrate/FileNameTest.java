package dev.tusk.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameTest {

  @Test
  void versionedAndRepeatableNames() {
    assertThat(FileName.parse("V1__create_users.up.sql"))
        .contains(
            new FileName.Versioned(
                "V1__create_users.up.sql", Version.parse("1"), "create_users", true));
    assertThat(FileName.parse("V1_2__x-y.down.sql"))
        .contains(new FileName.Versioned("V1_2__x-y.down.sql", Version.parse("1.2"), "x-y", false));
    assertThat(FileName.parse("V20260101120000__add_email.up.sql"))
        .map(n -> ((FileName.Versioned) n).version().toString())
        .contains("20260101120000");
    assertThat(FileName.parse("V1__2__x.up.sql"))
        .map(n -> ((FileName.Versioned) n).name())
        .contains("2__x");
    assertThat(FileName.parse("V1__café.up.sql")).isPresent();
    assertThat(FileName.parse("R__views.sql"))
        .contains(new FileName.Repeatable("R__views.sql", "views"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "V1_foo.sql",
        "V1__foo.sql",
        "v1__foo.up.sql",
        "V1__foo.UP.SQL",
        "V1__foo.up.SQL",
        "V__foo.up.sql",
        "V1__.up.sql",
        "V1__foo bar.up.sql",
        "V1__foo.bar.up.sql",
        "V1.__foo.up.sql",
        "Va__foo.up.sql",
        "R_foo.sql",
        "R__.sql",
        "R__views.up.sql",
        "U1__foo.sql",
        "1__foo.up.sql",
        "V1__foo.up.sql.sql"
      })
  void rejectsNamesThatFollowNeitherPattern(String name) {
    assertThat(FileName.parse(name)).isEqualTo(Optional.empty());
    assertThat(FileName.looksLikeMigration(name)).isTrue();
  }

  @Test
  void onlySqlFilesThatAreNotHiddenAreCandidates() {
    assertThat(FileName.looksLikeMigration("README.md")).isFalse();
    assertThat(FileName.looksLikeMigration("V1__x.up.sql.bak")).isFalse();
    assertThat(FileName.looksLikeMigration(".V1__x.up.sql")).isFalse();
    assertThat(FileName.looksLikeMigration("V1__x.up.SQL")).isTrue();
  }

  @Test
  void absurdlyLongNamesAreRejected() {
    assertThat(FileName.parse("V1__" + "a".repeat(201) + ".up.sql")).isEmpty();
    assertThat(FileName.parse("V" + "1".repeat(65) + "__a.up.sql")).isEmpty();
  }
}
