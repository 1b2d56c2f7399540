package dev.tusk.rest.openapi;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Prefer} header values the API honours, by what they apply to. Each value is a single
 * preference; a client joins several with commas. {@code max-affected=n} and {@code timezone=tz}
 * take free values and are mentioned in the descriptions instead.
 */
final class Prefer {

  static final List<String> RETURN =
      List.of("return=representation", "return=minimal", "return=headers-only");
  static final List<String> COUNT = List.of("count=exact", "count=planned", "count=estimated");
  static final List<String> RESOLUTION =
      List.of("resolution=merge-duplicates", "resolution=ignore-duplicates");
  static final List<String> MISSING = List.of("missing=default");
  static final List<String> HANDLING = List.of("handling=strict", "handling=lenient");
  static final List<String> TX = List.of("tx=commit", "tx=rollback");
  static final List<String> PARAMS = List.of("params=single-object");

  private Prefer() {}

  @SafeVarargs
  static List<String> join(List<String>... lists) {
    List<String> all = new ArrayList<>();
    for (List<String> l : lists) {
      all.addAll(l);
    }
    return List.copyOf(all);
  }
}
