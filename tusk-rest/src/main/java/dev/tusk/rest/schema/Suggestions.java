package dev.tusk.rest.schema;

import dev.tusk.core.util.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Perhaps you meant" for names a request got wrong: the candidate with the smallest
 * optimal-string-alignment distance (Levenshtein plus adjacent transpositions), compared without
 * case, within a third of the name's length (at least one edit, at most four). Names are cut to 128
 * characters first, so a hostile name costs a bounded amount of work.
 */
final class Suggestions {

  private static final int MAX_LENGTH = 128;

  private Suggestions() {}

  static Optional<String> closest(String input, Collection<String> candidates) {
    String key = fold(input);
    int limit = Math.max(1, Math.min(4, key.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      String other = fold(candidate);
      if (Math.abs(other.length() - key.length()) > limit) {
        continue;
      }
      int d = EditDistance.of(key, other);
      if (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  private static String fold(String s) {
    String cut = s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    return cut.toLowerCase(Locale.ROOT);
  }
}
