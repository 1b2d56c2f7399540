package dev.tusk.core.config;

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
      int d = distance(key, normalize(candidate));
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

  /** Optimal string alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
