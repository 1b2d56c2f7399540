package dev.tusk.core.config;

import dev.tusk.core.error.ConfigException;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses a name given twice in one list (two databases {@code app}, a schema listed twice), naming
 * both places. Names compare exactly, as PostgreSQL compares quoted identifiers.
 */
final class Unique {

  private final String what;
  private final Map<String, Scalar> seen = new HashMap<>();

  /** {@code what} names the list, such as "database name". */
  Unique(String what) {
    this.what = what;
  }

  String add(Scalar s, String name) {
    Scalar first = seen.putIfAbsent(name, s);
    if (first != null) {
      throw new ConfigException(
          ConfigErrors.DUPLICATE_NAME,
          "duplicate "
              + what
              + " "
              + Scalar.quote(name)
              + " in "
              + s.path()
              + " "
              + s.origin().describe()
              + " (first in "
              + first.path()
              + " "
              + first.origin().describe()
              + ")",
          "remove one of the two, or rename it");
    }
    return name;
  }
}
