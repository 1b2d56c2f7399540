package dev.tusk.engine.binaries;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL version as people write it ({@code 15.18}, {@code 18beta1}) with its major number.
 * Parsing is pure so the odd forms ({@code devel}, {@code rc}, distribution suffixes) are tested
 * without a server.
 */
public record PostgresVersion(String text, int major) {

  /** After "(PostgreSQL)": a major, an optional minor, an optional pre-release tag. */
  private static final Pattern SERVER =
      Pattern.compile(
          "^postgres \\(PostgreSQL\\) (\\d{1,4})(\\.\\d{1,4}){0,2}(devel|(?:alpha|beta|rc)\\d{1,3})?"
              + "(?=$|[\\s(])");

  /** zonky's artifact versions: the PostgreSQL version plus one packaging number (18.3.0). */
  private static final Pattern ARTIFACT = Pattern.compile("^(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})$");

  /**
   * The version in the first line of {@code postgres --version}, e.g. {@code postgres (PostgreSQL)
   * 15.18 (Debian 15.18-0+deb12u1)}; empty when the text is not that.
   */
  public static Optional<PostgresVersion> parseServerOutput(String output) {
    String first = output.strip().lines().findFirst().orElse("");
    Matcher m = SERVER.matcher(first);
    if (!m.find()) {
      return Optional.empty();
    }
    String text = first.substring("postgres (PostgreSQL) ".length(), m.end());
    return Optional.of(new PostgresVersion(text, Integer.parseInt(m.group(1))));
  }

  /**
   * The PostgreSQL version inside a zonky binaries artifact version: {@code 18.3.0} holds
   * PostgreSQL {@code 18.3}.
   *
   * @throws IllegalArgumentException when the artifact version is not three numbers
   */
  public static PostgresVersion ofBinariesArtifact(String artifactVersion) {
    Matcher m = ARTIFACT.matcher(artifactVersion);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a binaries artifact version (expected e.g. 18.3.0): " + artifactVersion);
    }
    return new PostgresVersion(m.group(1) + "." + m.group(2), Integer.parseInt(m.group(1)));
  }
}
