package dev.tusk.rest.plan;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out the SQL aliases of one statement, each distinct, so no reference can resolve to the
 * wrong FROM item whatever the tables are called. PostgreSQL truncates identifiers to 63 bytes, so
 * names are shortened before a suffix is added, or two aliases could silently become one.
 */
final class Aliases {

  private static final int MAX_BYTES = 63;
  private static final Set<String> RESERVED =
      Set.of("_s", "_t", "_c", "_h", "_k", "excluded", "pgrst_source", "pgrst_body");

  private final Set<String> used = new HashSet<>(RESERVED);

  /** {@code name} itself when free (the root keeps its table's name), else a suffixed variant. */
  String claim(String name) {
    if (fits(name, "") && used.add(name)) {
      return name;
    }
    return fresh(name);
  }

  /** {@code base_1}, {@code base_2}, ...: the first one not yet used. */
  String fresh(String base) {
    for (int n = 1; ; n++) {
      String suffix = "_" + n;
      String candidate = shorten(base, suffix) + suffix;
      if (used.add(candidate)) {
        return candidate;
      }
    }
  }

  private static boolean fits(String base, String suffix) {
    return (base + suffix).getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }

  private static String shorten(String base, String suffix) {
    String s = base;
    while (!fits(s, suffix)) {
      int cut = s.offsetByCodePoints(s.length(), -1);
      s = s.substring(0, cut);
    }
    return s;
  }
}
