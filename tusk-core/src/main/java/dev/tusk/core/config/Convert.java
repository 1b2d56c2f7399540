package dev.tusk.core.config;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scalar text to typed values, strictly: decimal integers only, {@code true}/{@code false} only, no
 * clamping. A value that is not of the kind at all is {@code config.bad_type}; one of the right
 * kind outside the allowed range is {@code config.bad_value}. Quoted and unquoted YAML scalars are
 * treated alike, because environment overrides and {@code ${env:...}} values are always text.
 */
final class Convert {

  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");

  private Convert() {}

  static int integer(Scalar s, int min, int max) {
    String expectation =
        min < 0 ? "an integer from " + min + " to " + max : "an integer " + min + "-" + max;
    String text =
        s.text().map(String::strip).orElseThrow(() -> ConfigErrors.badType(s, expectation));
    if (!INTEGER.matcher(text).matches()) {
      throw ConfigErrors.badType(s, expectation);
    }
    BigInteger value = new BigInteger(text);
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw ConfigErrors.badValue(s, expectation);
    }
    return value.intValueExact();
  }

  static boolean bool(Scalar s) {
    String text = s.text().map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse("");
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ConfigErrors.badType(s, "true or false");
    };
  }

  /** A required, non-empty string. */
  static String text(Scalar s, String expectation) {
    if (s.isNull()) {
      throw ConfigErrors.badType(s, expectation);
    }
    String text = s.text().orElseThrow();
    if (text.isEmpty()) {
      throw ConfigErrors.badValue(s, expectation);
    }
    return text;
  }

  static <E extends Enum<E>> E choice(Scalar s, Class<E> type) {
    StringBuilder names = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      names.append(names.isEmpty() ? "" : " | ").append(e.name().toLowerCase(Locale.ROOT));
    }
    String text = s.text().map(t -> t.strip().toUpperCase(Locale.ROOT)).orElse("");
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(text)) {
        return e;
      }
    }
    throw ConfigErrors.badValue(s, "one of " + names);
  }

  /** An absolute, normalized path; empty for null. */
  static Optional<Path> optionalPath(Scalar s) {
    if (s.isNull()) {
      return Optional.empty();
    }
    String text = s.text().orElseThrow();
    if (text.isBlank() || text.indexOf('\0') >= 0) {
      throw ConfigErrors.badValue(s, "a file system path");
    }
    try {
      return Optional.of(s.baseDir().resolve(text).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      throw ConfigErrors.badValue(s, "a file system path");
    }
  }

  static Path path(Scalar s) {
    return optionalPath(s).orElseThrow(() -> ConfigErrors.badType(s, "a file system path"));
  }

  /** A password; empty for null. The value never appears in an error. */
  static Optional<Secret> secret(Scalar s) {
    return secret(s, "is empty; remove the key (or set it to null) to have a password generated,");
  }

  /** A secret; empty for null; {@code whenEmpty} says what to do about an empty value. */
  static Optional<Secret> secret(Scalar s, String whenEmpty) {
    if (s.isNull()) {
      return Optional.empty();
    }
    String value = s.text().orElseThrow();
    if (value.isEmpty()) {
      throw ConfigErrors.badSecret(s, whenEmpty);
    }
    if (value.indexOf('\0') >= 0) {
      throw ConfigErrors.badSecret(s, "contains a NUL character, which PostgreSQL cannot store,");
    }
    return Optional.of(new Secret(value, s.source()));
  }
}
