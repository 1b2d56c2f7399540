package dev.tusk.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The privileges PostgreSQL's GRANT accepts per object kind (PostgreSQL 17+ adds MAINTAIN on
 * tables). The file may write them in any case; the record holds them upper-case, ready to be
 * spliced into SQL as keywords, which is why nothing outside these lists gets through.
 */
enum Privileges {
  TABLES(
      List.of(
          "SELECT",
          "INSERT",
          "UPDATE",
          "DELETE",
          "TRUNCATE",
          "REFERENCES",
          "TRIGGER",
          "MAINTAIN",
          "ALL")),
  SEQUENCES(List.of("USAGE", "SELECT", "UPDATE", "ALL")),
  FUNCTIONS(List.of("EXECUTE", "ALL"));

  private final List<String> allowed;

  Privileges(List<String> allowed) {
    this.allowed = allowed;
  }

  List<String> read(List<Scalar> values) {
    List<String> out = new ArrayList<>();
    String expectation = "one of " + String.join(", ", allowed);
    for (Scalar s : values) {
      String word = Convert.text(s, expectation).strip().toUpperCase(Locale.ROOT);
      if (!allowed.contains(word)) {
        throw ConfigErrors.badValue(s, expectation);
      }
      if (out.contains(word)) {
        throw ConfigErrors.badValue(s, "listed once (" + word + " is listed twice)");
      }
      out.add(word);
    }
    return List.copyOf(out);
  }
}
