package dev.tusk.rest.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code Prefer} headers into {@link Preferences}. Matching is exact and case-sensitive, as
 * in PostgREST; the first value of each preference wins, later ones are ignored (not invalid).
 */
final class PreferParser {

  private PreferParser() {}

  static Preferences parse(List<String> headerValues, boolean allowTxOverride) {
    Optional<Preferences.Return> returning = Optional.empty();
    Optional<Preferences.Count> count = Optional.empty();
    Optional<Preferences.Resolution> resolution = Optional.empty();
    Optional<Preferences.Missing> missing = Optional.empty();
    Optional<Preferences.Handling> handling = Optional.empty();
    Optional<Preferences.Transaction> tx = Optional.empty();
    OptionalLong maxAffected = OptionalLong.empty();
    Optional<String> timezone = Optional.empty();
    boolean singleObject = false;
    List<String> invalid = new ArrayList<>();

    for (String token : tokens(headerValues)) {
      Preferences.Return r = match(Preferences.Return.values(), token);
      Preferences.Count c = match(Preferences.Count.values(), token);
      Preferences.Resolution res = match(Preferences.Resolution.values(), token);
      Preferences.Missing m = match(Preferences.Missing.values(), token);
      Preferences.Handling h = match(Preferences.Handling.values(), token);
      Preferences.Transaction t = match(Preferences.Transaction.values(), token);
      if (r != null) {
        returning = returning.or(() -> Optional.of(r));
      } else if (c != null) {
        count = count.or(() -> Optional.of(c));
      } else if (res != null) {
        resolution = resolution.or(() -> Optional.of(res));
      } else if (m != null) {
        missing = missing.or(() -> Optional.of(m));
      } else if (h != null) {
        handling = handling.or(() -> Optional.of(h));
      } else if (t != null) {
        // Without tx override the preference is known but not honoured, as in PostgREST.
        if (allowTxOverride) {
          tx = tx.or(() -> Optional.of(t));
        }
      } else if (token.equals("params=single-object")) {
        singleObject = true;
      } else if (token.startsWith("max-affected=") && isCount(token.substring(13))) {
        if (maxAffected.isEmpty()) {
          maxAffected = OptionalLong.of(Long.parseLong(token.substring(13)));
        }
      } else if (token.startsWith("timezone=") && token.length() > 9) {
        timezone = timezone.or(() -> Optional.of(token.substring(9)));
      } else {
        invalid.add(token);
      }
    }
    Preferences prefs =
        new Preferences(
            returning,
            count,
            resolution,
            missing,
            handling,
            tx,
            maxAffected,
            timezone,
            singleObject,
            invalid);
    if (prefs.strict() && !invalid.isEmpty()) {
      throw new ApiRequestException(new ApiRequestError.InvalidPreferences(invalid));
    }
    return prefs;
  }

  private static List<String> tokens(List<String> headerValues) {
    List<String> out = new ArrayList<>();
    for (String value : headerValues) {
      for (String token : value.split(",", -1)) {
        String trimmed = token.strip();
        if (!trimmed.isEmpty()) {
          out.add(trimmed);
        }
      }
    }
    return out;
  }

  private static <E extends Preferences.Choice> E match(E[] choices, String token) {
    for (E choice : choices) {
      if (choice.header().equals(token)) {
        return choice;
      }
    }
    return null;
  }

  /** A non-negative decimal that fits a long. */
  private static boolean isCount(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
