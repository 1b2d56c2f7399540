package dev.tusk.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tusk.core.error.ConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --scratch-url}: the forms accepted, and every malformed one refused without echoing it.
 */
class ScratchUrlTest {

  @Test
  void aLibpqUriWithEverything() {
    ScratchUrl u =
        ScratchUrl.parse(
            "postgresql://ci%40corp:p%40ss:w@db.example.org:6543/scratch%20db"
                + "?sslmode=verify-full&sslrootcert=/etc/ca.crt");

    assertThat(u)
        .isEqualTo(
            new ScratchUrl(
                "db.example.org",
                6543,
                "scratch db",
                Optional.of("ci@corp"),
                Optional.of("p@ss:w"),
                Optional.of("verify-full"),
                Optional.of("/etc/ca.crt")));
    assertThat(u.shown()).isEqualTo("database scratch db on db.example.org:6543");
    assertThat(u.toString()).doesNotContain("p@ss");
  }

  @Test
  void aJdbcUrlTakesItsCredentialsFromParameters() {
    ScratchUrl u =
        ScratchUrl.parse("jdbc:postgresql://127.0.0.1/scratch?user=postgres&password=secret");

    assertThat(u.host()).isEqualTo("127.0.0.1");
    assertThat(u.port()).isEqualTo(5432);
    assertThat(u.database()).isEqualTo("scratch");
    assertThat(u.user()).contains("postgres");
    assertThat(u.password()).contains("secret");
    assertThat(u.sslMode()).isEmpty();
  }

  @Test
  void anIpv6HostAndTheShortSchemeAndDbname() {
    ScratchUrl u = ScratchUrl.parse("postgres://[::1]:5433/?dbname=x");

    assertThat(u.host()).isEqualTo("::1");
    assertThat(u.port()).isEqualTo(5433);
    assertThat(u.database()).isEqualTo("x");
    assertThat(u.user()).isEmpty();
    assertThat(u.shown()).isEqualTo("database x on [::1]:5433");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mysql://h/db | is not a postgresql://",
        "host=h dbname=x | is not a postgresql://",
        "postgresql://h/ | names no database",
        "postgresql://h | names no database",
        "postgresql:///db | has no host",
        "postgresql://u:secret@/db | has no host",
        "postgresql://h1,h2/db | names several hosts",
        "postgresql://h:0/db | has a port that is not a number",
        "postgresql://h:70000/db | has a port that is not a number",
        "postgresql://h:5x/db | has a port that is not a number",
        "postgresql://[::1/db | IPv6 host without its closing",
        "postgresql://[::1]x/db | text after an IPv6 host",
        "postgresql://h/d b | contains a space",
        "postgresql://h/db?sslmode=sometimes | has an sslmode that is not one of",
        "postgresql://h/db?options=-c%20x | has the parameter 'options'",
        "postgresql://h/db?secret | not key=value",
        "postgresql://h/db?=x | not key=value",
        "postgresql://h/d%zz | not followed by two hex digits",
        "postgresql://h/d%00 | percent-encoded NUL",
        "postgresql://h/d%ff | not UTF-8",
        "jdbc:postgresql://u:p@h/db | has user@ in a jdbc: URL",
        "jdbc:postgresql://h/db?dbname=x | has the parameter 'dbname'",
        "jdbc:mysql://h/db | is not a postgresql://",
      })
  void malformedUrlsAreUsageErrorsThatNeverRepeatTheUrl(String url, String problem) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ScratchUrl.parse(url));

    assertThat(e.code()).isEqualTo("migrate.bad_scratch_url");
    assertThat(e.exitCode()).isEqualTo(2);
    assertThat(e.getMessage()).startsWith("--scratch-url ").contains(problem).doesNotContain(url);
    assertThat(e.hint()).isPresent();
  }

  @Test
  void anEmptyUrlIsRefused() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ScratchUrl.parse(""));

    assertThat(e.getMessage()).contains("is not a postgresql://");
  }

  @Test
  void thePasswordOfABadUrlIsNotInTheError() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ScratchUrl.parse("postgresql://ci:hunter2@h:0/db"));

    assertThat(e.getMessage()).contains("port").doesNotContain("hunter2");
    assertThat(e.hint().orElseThrow()).doesNotContain("hunter2");
  }

  @Test
  void anUnprintableParameterNameIsDescribedNotQuoted() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> ScratchUrl.parse("postgresql://h/db?%e2%80%ae=1"));

    assertThat(e.getMessage()).contains("(unprintable or long name)");
  }

  /** Read by libpq's rules (the shared parser), where the old reading of this option differed. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "postgresql://u:p@ss@h/db | has an '@' after its user name and password",
        "postgresql://%2Ftmp/db | names a Unix socket",
        "postgresql://h/db?ssl=true | has the parameter 'ssl'",
        "postgresql://h/db?sslmode=require=x | second '='",
        "postgresql://h/db?user=a&&password=b | not key=value",
        "postgresql://[]/db | empty IPv6 host",
        "postgresql://h/db?a-b=1 | has the parameter '(unprintable or long name)'",
        "jdbc:postgresql://h?user=a@b/db | has user@ in a jdbc: URL",
        "jdbc:postgresql://h/db?port=1 | has the parameter 'port'",
        "postgresql://h/db?host=other | has the parameter 'host'",
      })
  void libpqsRulesApply(String url, String problem) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> ScratchUrl.parse(url));

    assertThat(e.code()).isEqualTo("migrate.bad_scratch_url");
    assertThat(e.getMessage()).startsWith("--scratch-url ").contains(problem).doesNotContain(url);
  }

  @Test
  void emptyPartsAreLeftOutAndLaterParametersWin() {
    ScratchUrl u = ScratchUrl.parse("postgresql://u:@h/db?user=a&user=b&sslmode=require&");

    assertThat(u.user()).contains("b");
    assertThat(u.password()).isEmpty(); // as libpq: an empty password in the URI is none
    assertThat(u.sslMode()).contains("require");
    assertThat(ScratchUrl.parse("postgresql://h/db?password=").password()).contains("");
    assertThat(ScratchUrl.parse("postgresql://h/db+x").database()).isEqualTo("db+x");
  }
}
