package dev.tusk.rest.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a cast from the URL ({@code ::text}) before it reaches SQL, where it cannot be a
 * parameter. The request grammar allows letters, digits, {@code _}, {@code $} and blanks; blanks
 * would let words follow the type, so only one identifier-shaped word, or one of PostgreSQL's
 * multi-word built-in type names, passes.
 */
final class CastType {

  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final Set<String> MULTI_WORD =
      Set.of(
          "double precision",
          "character varying",
          "bit varying",
          "timestamp with time zone",
          "timestamp without time zone",
          "time with time zone",
          "time without time zone");

  private CastType() {}

  static Optional<String> check(Optional<String> cast) {
    return cast.map(CastType::check);
  }

  static String check(String cast) {
    String normal = cast.strip().replaceAll("\\s+", " ");
    if (WORD.matcher(normal).matches()) {
      return normal;
    }
    String lower = normal.toLowerCase(Locale.ROOT);
    if (MULTI_WORD.contains(lower)) {
      return lower;
    }
    throw PlanErrors.invalidCast(cast);
  }
}
