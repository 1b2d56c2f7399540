package dev.tusk.core.config;

import dev.tusk.core.util.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for unknown keys: the candidate with the smallest optimal-string-alignment
 * distance (Levenshtein plus adjacent transpositions, so {@code prot} finds {@code port}), compared
 * after folding case and separators ({@code binDir}, {@code bin-dir} → {@code bin_dir}). A
 * candidate further than a third of the key's length is no suggestion at all.
 */
final class Suggestions {

  private Suggestions() {}

  static Optional<String> closest(String input, Collection<String> candidates) {
    String key = normalize(input);
    int limit = Math.max(1, Math.min(3, key.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = EditDistance.of(key, normalize(candidate));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  static String normalize(String s) {
    String snake = s.length() > 200 ? s.substring(0, 200) : s;
    snake = snake.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
    return snake.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }
}
